import path from 'node:path';
import { loadMigrations, MIGRATIONS_DIR, pendingMigrations, SUBGRAPH_NAMES, startSubgraphServer, type DatabaseHandle, type RunningServer, type SubgraphName } from '../../subgraphs/platform/src';
import type { LeaderController } from '../../subgraphs/platform/src';
import { createSubgraph, type Logger } from '../../subgraphs/create-subgraphs';
import { openRuntime } from '../../subgraphs/runtime';
import { ensureBootstrapAdmin, verifyAccessToken } from '../../subgraphs/ops/src';
import type { SimulatedFleet } from '../../agents-client/sim';
import type { GatewayConfig } from './config';
import { readSupergraph } from './supergraph/compose';
import { startGateway, type ReadinessReport, type RunningGateway } from './server';
import { registerDemoHosts, startDemoFleet } from './demo-fleet';

export type Role = 'all' | 'gateway';
export type { Logger };

export interface ControlPlane {
  gateway: RunningGateway;
  db: DatabaseHandle;
  /** Where each subgraph answers (loopback ports in the embedded mode). */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  /** The simulated demo hosts, when the embedded mode started some. */
  fleet: SimulatedFleet | null;
  stop(): Promise<void>;
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
 * loopback ports, their controllers, a demo fleet of simulated hosts and the gateway in this
 * one process; role `gateway` runs only the gateway against the subgraph processes named in
 * LQ_SUBGRAPH_URLS. Which adapters run underneath (PGlite or PostgreSQL, in-process or Redis,
 * in-process or etcd) is decided by configuration alone, in subgraphs/runtime.ts.
 */
export async function startControlPlane(config: GatewayConfig, role: Role, log: Logger): Promise<ControlPlane> {
  const rt = await openRuntime(config.database, config, log);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await rt.close();
  };
  try {
    let subgraphUrls: Partial<Record<SubgraphName, string>> = config.subgraphUrls;
    let fleet: SimulatedFleet | null = null;
    const controllers: LeaderController[] = [];
    if (role === 'all') {
      const admin = await ensureBootstrapAdmin(rt.db.prisma, { password: config.adminPassword });
      if (admin.generatedPassword) {
        log.warn(`created user "admin" with generated password: ${admin.generatedPassword} (shown once; set LQ_ADMIN_PASSWORD to choose it)`);
      } else if (admin.created) {
        log.info('created user "admin" with the password from LQ_ADMIN_PASSWORD');
      }
      if (config.demoHosts > 0) {
        // The demo hosts keep their VMs across restarts, as real hypervisors keep running while
        // the control plane restarts.
        const statePath = path.join(config.dataDir, 'demo-fleet.json');
        const started = await startDemoFleet({ count: config.demoHosts, pki: rt.pki, ...config.sim, heartbeatMs: config.heartbeat.intervalMs, statePath });
        fleet = started;
        stops.push(async () => started.stop());
      }
      const built = await Promise.all(SUBGRAPH_NAMES.map((name) => createSubgraph(name, rt.subgraphDeps)));
      const servers: RunningServer[] = await Promise.all(
        built.map((b) => startSubgraphServer({ subgraph: b.subgraph, identitySecret: rt.secrets.identitySecret, host: '127.0.0.1', port: 0 })),
      );
      stops.push(async () => {
        await Promise.all(servers.map((s) => s.stop()));
      });
      subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, servers[i]?.url]));
      controllers.push(...built.flatMap((b) => b.controllers));
    } else {
      const missing = SUBGRAPH_NAMES.filter((n) => !config.subgraphUrls[n]);
      if (missing.length) throw new Error(`LQ_SUBGRAPH_URLS lacks: ${missing.join(', ')}`);
    }

    const gateway = await startGateway({
      host: config.host,
      port: config.port,
      supergraphSdl: readSupergraph(),
      subgraphUrls,
      identitySecret: rt.secrets.identitySecret,
      verifyAccessToken: (token) => verifyAccessToken(rt.secrets.jwtSecret, token),
      limits: config.limits,
      production: config.production,
      readiness: () => readiness(rt.db),
      events: rt.events,
    });
    stops.push(() => gateway.stop());
    for (const c of controllers) {
      c.start();
      stops.push(() => c.stop());
    }
    if (fleet && subgraphUrls.infrastructure) {
      const result = await registerDemoHosts(subgraphUrls.infrastructure, rt.secrets.identitySecret, fleet.hosts.map((h) => h.address));
      if (result.registered) log.info(`registered ${result.registered} simulated demo host(s)`);
      for (const failure of result.failures) log.warn(`demo host not registered: ${failure}`);
    }
    return { gateway, db: rt.db, subgraphUrls, fleet, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
