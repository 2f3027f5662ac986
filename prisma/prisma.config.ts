// Prisma CLI configuration. Only `generate` and `migrate diff` are used from the CLI and
// neither connects to a database. Migrations are applied by our own runner
// (prisma/migrate.ts): the same code on PostgreSQL and PGlite.
//
// The adapter and `engine: 'js'` keep the CLI on its WebAssembly schema engine: without them
// it tries to download a native engine, which our machines cannot reach.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () =>
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1/postgres', idleTimeoutMillis: 50 }),
  schema: path.join(__dirname),
  migrations: { path: path.join(__dirname, 'migrations') },
});
