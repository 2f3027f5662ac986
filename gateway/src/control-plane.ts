import {
  applyMigrations,
  loadMigrations,
  loadSharedSecrets,
  MIGRATIONS_DIR,
  openDatabase,
  pendingMigrations,
  PrismaAuditSink,
  SUBGRAPH_NAMES,
  startSubgraphServer,
  createEventBus,
  type DatabaseHandle,
  type RunningServer,
  type SubgraphName,
} from '../../subgraphs/platform/src';
import { createSubgraph } from '../../subgraphs/create-subgraphs';
import { ensureBootstrapAdmin, verifyAccessToken } from '../../subgraphs/ops/src';
import type { GatewayConfig } from './config';
import { readSupergraph } from './supergraph/compose';
import { startGateway, type ReadinessReport, type RunningGateway } from './server';

export type Role = 'all' | 'gateway';

export interface ControlPlane {
  gateway: RunningGateway;
  db: DatabaseHandle;
  /** Where each subgraph answers (loopback ports in the embedded mode). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  stop(): Promise<void>;
}

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

async function readiness(db: DatabaseHandle): Promise<ReadinessReport> {
  try {
    await db.sql.query('SELECT 1');
  } catch (err) {
    return { ready: false, checks: { database: `unreachable: ${(err as Error).message}` } };
  }
  const pending = await pendingMigrations(db.sql, loadMigrations(MIGRATIONS_DIR));
  return pending.length
    ? { ready: false, checks: { database: 'ok', migrations: `pending: ${pending.join(', ')}` } }
    : { ready: true, checks: { database: 'ok', migrations: 'applied' } };
}

/**
 * Starts the control plane. Role `all` (the embedded default) runs the four subgraphs on
 * loopback ports and the gateway in this one process; role `gateway` runs only the gateway
 * against the subgraph processes named in LQ_SUBGRAPH_URLS. Both use the same code paths
 * for everything else.
 */
export async function startControlPlane(config: GatewayConfig, role: Role, log: Logger): Promise<ControlPlane> {
  const db = await openDatabase(config.database);
  const events = createEventBus(config.redisUrl);
  const stops: Array<() => Promise<void>> = [() => events.close()];
  try {
    const applied = await applyMigrations(db.sql, loadMigrations(MIGRATIONS_DIR));
    if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
    const secrets = await loadSharedSecrets(db.prisma, config.secrets);

    let subgraphUrls: Partial<Record<SubgraphName, string>> = config.subgraphUrls;
    if (role === 'all') {
      const admin = await ensureBootstrapAdmin(db.prisma, { password: config.adminPassword });
      if (admin.generatedPassword) {
        log.warn(`created user "admin" with generated password: ${admin.generatedPassword} (shown once; set LQ_ADMIN_PASSWORD to choose it)`);
      } else if (admin.created) {
        log.info('created user "admin" with the password from LQ_ADMIN_PASSWORD');
      }
      const deps = {
        db: db.prisma,
        audit: new PrismaAuditSink(db.prisma),
        secrets,
        accessTokenTtlSeconds: config.accessTokenTtlSeconds,
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
      };
      const servers: RunningServer[] = await Promise.all(
        SUBGRAPH_NAMES.map(async (name) =>
          startSubgraphServer({ subgraph: await createSubgraph(name, deps), identitySecret: secrets.identitySecret, host: '127.0.0.1', port: 0 }),
        ),
      );
      stops.push(async () => {
        await Promise.all(servers.map((s) => s.stop()));
      });
      subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, servers[i]?.url]));
    } else {
      const missing = SUBGRAPH_NAMES.filter((n) => !config.subgraphUrls[n]);
      if (missing.length) throw new Error(`LQ_SUBGRAPH_URLS lacks: ${missing.join(', ')}`);
    }

    const gateway = await startGateway({
      host: config.host,
      port: config.port,
      supergraphSdl: readSupergraph(),
      subgraphUrls,
      identitySecret: secrets.identitySecret,
      verifyAccessToken: (token) => verifyAccessToken(secrets.jwtSecret, token),
      limits: config.limits,
      production: config.production,
      readiness: () => readiness(db),
      events,
    });
    stops.unshift(() => gateway.stop());
    return {
      gateway,
      db,
      subgraphUrls,
      stop: async () => {
        for (const stop of stops) await stop().catch(() => undefined);
        await db.close();
      },
    };
  } catch (err) {
    for (const stop of stops) await stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
