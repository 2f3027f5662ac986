// `npm start`: the embedded all-in-one control plane (or, with `--role gateway`, the gateway
// of a multi-process deployment).
import 'reflect-metadata';
import { ConfigError } from '../../subgraphs/platform/src';
import { loadGatewayConfig } from './config';
import { startControlPlane, type Role } from './control-plane';

const log = {
  info: (msg: string) => console.log(`[limiquantix] ${msg}`),
  warn: (msg: string) => console.warn(`[limiquantix] ${msg}`),
};

function parseRole(argv: string[]): Role {
  const at = argv.indexOf('--role');
  const role = at >= 0 ? argv[at + 1] : 'all';
  if (role !== 'all' && role !== 'gateway') throw new ConfigError(`--role must be "all" or "gateway", not "${role}"`);
  return role;
}

async function main(): Promise<void> {
  const config = loadGatewayConfig(process.env);
  const role = parseRole(process.argv.slice(2));
  const started = Date.now();
  const cp = await startControlPlane(config, role, log);
  log.info(`${role === 'all' ? 'embedded control plane' : 'gateway'} ready in ${Date.now() - started} ms`);
  log.info(`GraphQL and GraphiQL: ${cp.gateway.url}`);
  log.info(`database: ${config.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    // A stop that hangs must not keep a half-stopped process around.
    setTimeout(() => {
      log.warn('shutdown did not finish within 15 s; exiting');
      process.exit(1);
    }, 15_000).unref();
    cp.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('[limiquantix] failed to start:', err);
  }
  process.exit(1);
});
