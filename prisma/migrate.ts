// `npm run migrate`: applies the checked-in migrations on their own (start-up applies them too).
import 'reflect-metadata';
import { z } from 'zod';
import { applyMigrations, ConfigError, loadMigrations, MIGRATIONS_DIR, openDatabase, parseConfig } from '../subgraphs/platform/src';

const schema = z.object({
  /** PostgreSQL to migrate; when unset, the embedded PGlite folder. */
  DATABASE_URL: z.string().url().optional(),
  /** The embedded data folder. Default ./.limiquantix. */
  LQ_DATA_DIR: z.string().default('./.limiquantix'),
});

async function main(): Promise<void> {
  const env = parseConfig(schema, process.env);
  const db = await openDatabase(env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: 1 } : { kind: 'pglite', dataDir: env.LQ_DATA_DIR });
  try {
    const applied = await applyMigrations(db.sql, loadMigrations(MIGRATIONS_DIR));
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
