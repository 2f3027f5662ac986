// `npm run start:subgraph -- <name>`: one subgraph as its own process (the production topology).
import 'reflect-metadata';
import {
  applyMigrations,
  ConfigError,
  loadMigrations,
  loadSharedSecrets,
  MIGRATIONS_DIR,
  openDatabase,
  pendingMigrations,
  PrismaAuditSink,
  startSubgraphServer,
} from './platform/src';
import { ensureBootstrapAdmin } from './ops/src';
import { createSubgraph } from './create-subgraphs';
import { loadSubgraphConfig } from './config';

async function main(): Promise<void> {
  const config = loadSubgraphConfig(process.argv[2], process.env);
  const log = (msg: string) => console.log(`[${config.subgraph}] ${msg}`);
  const db = await openDatabase(config.database);
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const applied = await applyMigrations(db.sql, migrations);
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  const secrets = await loadSharedSecrets(db.prisma, config.secrets);
  if (config.subgraph === 'ops') {
    const admin = await ensureBootstrapAdmin(db.prisma, { password: config.adminPassword });
    if (admin.generatedPassword) log(`created user "admin" with generated password: ${admin.generatedPassword} (shown once)`);
  }
  const subgraph = await createSubgraph(config.subgraph, {
    db: db.prisma,
    audit: new PrismaAuditSink(db.prisma),
    secrets,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
  });
  const server = await startSubgraphServer({
    subgraph,
    identitySecret: secrets.identitySecret,
    host: config.host,
    port: config.port,
    ready: async () => (await pendingMigrations(db.sql, migrations)).length === 0,
  });
  log(`serving ${server.url}`);
  const shutdown = () => {
    server.stop().then(() => db.close()).then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
