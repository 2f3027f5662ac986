// The composition root of the four subgraphs: which dependencies each one gets, and which
// controllers (leader-elected loops) run beside it. The embedded process, the per-subgraph
// processes, the supergraph composer and the tests all build subgraphs through here, so they
// cannot drift apart.
import type { AgentConnector } from '../agents-client/src';
import type { AuditSink, ControlPlaneSettings, Coordination, LeaderController, Database, EventBus, SharedSecrets, Subgraph, SubgraphName } from './platform/src';
import { createComputeSubgraph, createVmController } from './compute/src';
import { createHostMonitor, createInfrastructureSubgraph } from './infrastructure/src';
import { createStorageNetworkSubgraph } from './storage-network/src';
import { createOpsSubgraph } from './ops/src';

export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface SubgraphDeps {
  db: Database;
  audit: AuditSink;
  secrets: SharedSecrets;
  settings: Pick<ControlPlaneSettings, 'accessTokenTtlSeconds' | 'refreshTokenTtlSeconds' | 'heartbeat' | 'overcommit' | 'taskTimeoutMs' | 'reconcileIntervalMs'>;
  agents: AgentConnector;
  coordination: Coordination;
  events: EventBus;
  log: Logger;
}

export interface BuiltSubgraph {
  subgraph: Subgraph;
  /** Not started: the caller starts them once the process serves requests. */
  controllers: LeaderController[];
}

export async function createSubgraph(name: SubgraphName, deps: SubgraphDeps): Promise<BuiltSubgraph> {
  const { db, audit, agents, coordination, events, log, settings } = deps;
  switch (name) {
    case 'compute': {
      const computeDeps = { db, audit, agents, coordination, events, log, settings: { taskTimeoutMs: settings.taskTimeoutMs, reconcileIntervalMs: settings.reconcileIntervalMs } };
      return {
        subgraph: (await createComputeSubgraph(computeDeps)) as unknown as Subgraph,
        controllers: [createVmController(computeDeps)],
      };
    }
    case 'infrastructure': {
      const infraDeps = { db, audit, agents, coordination, events, log, overcommit: settings.overcommit, heartbeat: settings.heartbeat };
      return {
        subgraph: (await createInfrastructureSubgraph(infraDeps)) as unknown as Subgraph,
        controllers: [createHostMonitor(infraDeps)],
      };
    }
    case 'storage-network':
      return { subgraph: (await createStorageNetworkSubgraph({ db, audit })) as unknown as Subgraph, controllers: [] };
    case 'ops':
      return {
        subgraph: (await createOpsSubgraph({
          db,
          audit,
          jwtSecret: deps.secrets.jwtSecret,
          accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
          refreshTokenTtlSeconds: settings.refreshTokenTtlSeconds,
        })) as unknown as Subgraph,
        controllers: [],
      };
  }
}
