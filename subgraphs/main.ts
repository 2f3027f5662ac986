// `npm run start:subgraph -- <name>`: one subgraph as its own process (the production topology).
import 'reflect-metadata';
import { ConfigError, loadMigrations, MIGRATIONS_DIR, pendingMigrations, startSubgraphServer } from './platform/src';
import { ensureBootstrapAdmin } from './ops/src';
import { createSubgraph } from './create-subgraphs';
import { loadSubgraphConfig } from './config';
import { openRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadSubgraphConfig(process.argv[2], process.env);
  const log = {
    info: (msg: string) => console.log(`[${config.subgraph}] ${msg}`),
    warn: (msg: string) => console.warn(`[${config.subgraph}] ${msg}`),
  };
  const rt = await openRuntime(config.database, config, log);
  if (config.subgraph === 'ops') {
    const admin = await ensureBootstrapAdmin(rt.db.prisma, { password: config.adminPassword });
    if (admin.generatedPassword) log.warn(`created user "admin" with generated password: ${admin.generatedPassword} (shown once)`);
  }
  const { subgraph, controllers } = await createSubgraph(config.subgraph, rt.subgraphDeps);
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const server = await startSubgraphServer({
    subgraph,
    identitySecret: rt.secrets.identitySecret,
    host: config.host,
    port: config.port,
    ready: async () => (await pendingMigrations(rt.db.sql, migrations)).length === 0,
  });
  // Every replica starts its controllers; only the elected leader of each does the work.
  for (const c of controllers) c.start();
  log.info(`serving ${server.url} (coordination: ${rt.coordination.kind})`);
  const shutdown = () => {
    Promise.all(controllers.map((c) => c.stop()))
      .then(() => server.stop())
      .then(() => rt.close())
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
