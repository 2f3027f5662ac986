// The adapters a control-plane process runs on. This is the one place where the embedded and
// production modes differ: PGlite or PostgreSQL, in-process or Redis events, in-process or
// etcd coordination, chosen by configuration alone.
import { createAgentConnector, ensureClusterPki, type AgentConnector, type ClusterPki } from '../agents-client/src';
import {
  applyMigrations,
  createCoordination,
  createEventBus,
  loadMigrations,
  loadSharedSecrets,
  MIGRATIONS_DIR,
  openDatabase,
  PrismaAuditSink,
  type ControlPlaneSettings,
  type Coordination,
  type DatabaseHandle,
  type DatabaseTarget,
  type EventBus,
  type SharedSecrets,
} from './platform/src';
import type { Logger, SubgraphDeps } from './create-subgraphs';

export interface Runtime {
  db: DatabaseHandle;
  events: EventBus;
  coordination: Coordination;
  agents: AgentConnector;
  pki: ClusterPki;
  secrets: SharedSecrets;
  /** Everything a subgraph is built from. */
  subgraphDeps: SubgraphDeps;
  close(): Promise<void>;
}

/** How long a host may stay silent before its lease expires: interval × missed heartbeats. */
export function hostLeaseTtlMs(settings: Pick<ControlPlaneSettings, 'heartbeat'>): number {
  return settings.heartbeat.intervalMs * settings.heartbeat.failureThreshold;
}

export async function openRuntime(database: DatabaseTarget, settings: ControlPlaneSettings, log: Logger): Promise<Runtime> {
  const db = await openDatabase(database);
  const closers: Array<() => Promise<void> | void> = [() => db.close()];
  const close = async () => {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  try {
    const applied = await applyMigrations(db.sql, loadMigrations(MIGRATIONS_DIR));
    if (applied.length) log.info(`applied migrations: ${applied.join(', ')}`);
    const secrets = await loadSharedSecrets(db.prisma, settings.secrets);
    const events = createEventBus(settings.redisUrl, settings.namespace);
    closers.push(() => events.close());
    const coordination = createCoordination({ etcdEndpoints: settings.etcdEndpoints, namespace: settings.namespace, hostLeaseTtlMs: hostLeaseTtlMs(settings) });
    closers.push(() => coordination.close());
    const pki = await ensureClusterPki(settings.pkiDir);
    const agents = createAgentConnector({ tls: pki.controlPlane, deadlineMs: settings.agentDeadlineMs });
    closers.push(() => agents.close());
    return {
      db,
      events,
      coordination,
      agents,
      pki,
      secrets,
      subgraphDeps: { db: db.prisma, audit: new PrismaAuditSink(db.prisma), secrets, settings, agents, coordination, events, log },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
