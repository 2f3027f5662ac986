import type { AgentConnector } from '../../../agents-client/src';
import {
  buildFederatedSchema,
  ChangePublisher,
  instanceContainer,
  type AuditSink,
  type Coordination,
  type Database,
  type EventBus,
  type Subgraph,
} from '../../platform/src';
import type { InfrastructureContext } from './context';
import { HeartbeatHostMonitor, type HostMonitor } from './controllers/host-monitor';
import { ClusterStorage } from './data/cluster.storage';
import { DrsRecommendationStorage } from './data/drs-recommendation.storage';
import { HostStorage } from './data/host.storage';
import { createLoaders } from './data/loaders';
import { DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT, type OvercommitRatios } from './domain/host';
import type { HeartbeatPolicy } from './domain/host-health';
import { ClusterResolver } from './resolvers/cluster.resolver';
import { DrsRecommendationResolver } from './resolvers/drs-recommendation.resolver';
import { DrsStatusResolver } from './resolvers/drs-status.resolver';
import { HostSubscriptionResolver } from './resolvers/host-subscription.resolver';
import { HostResolver } from './resolvers/host.resolver';
import { clusterReference } from './schema/cluster.reference';
import { drsRecommendationReference } from './schema/drs-recommendation.reference';
import { hostReference } from './schema/host.reference';
import { ClusterService } from './services/cluster.service';
import { DrsRecommendationService } from './services/drs-recommendation.service';
import { HostService } from './services/host.service';
import { CONSOLE_LOGGER, type Logger } from './services/logger';

export type { InfrastructureContext } from './context';
export {
  allocatableOf,
  DEFAULT_CPU_OVERCOMMIT,
  DEFAULT_MEMORY_OVERCOMMIT,
  DEFAULT_OVERCOMMIT,
  type OvercommitRatios,
} from './domain/host';
export {
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  DEFAULT_HEARTBEAT_POLICY,
  leaseTtlMs,
  type HeartbeatPolicy,
} from './domain/host-health';
export { DEFAULT_RESYNC_INTERVAL_MS, HOST_MONITOR_ELECTION, type HostMonitor } from './controllers/host-monitor';
export type { Logger } from './services/logger';

/**
 * What the subgraph and its host monitor are built from. Building only stores these: nothing
 * is called on db, agents, coordination or events until a request or the monitor runs, so
 * the schema can be composed with stand-ins that refuse every use.
 */
export interface InfrastructureDeps {
  db: Database;
  audit: AuditSink;
  /**
   * Overcommit ratios for hosts registered from now on (and, when the monitor starts, for
   * every host); each defaults to DEFAULT_CPU_OVERCOMMIT (2.0) and DEFAULT_MEMORY_OVERCOMMIT (1.5).
   */
  overcommit?: Partial<OvercommitRatios>;
  /** Dials agents over mutual TLS (registration, heartbeat watches). */
  agents: AgentConnector;
  /**
   * Leader election for the monitor and heartbeat leases. Its lease TTL must be
   * leaseTtlMs(heartbeat) = intervalMs × failureThreshold.
   */
  coordination: Coordination;
  /** Where host changes are published (ChangePublisher.host). */
  events: EventBus;
  /** Heartbeat interval and failure threshold; the monitor validates them. */
  heartbeat: HeartbeatPolicy;
  /** Default: the console. */
  log?: Logger;
}

function overcommitOf(deps: Pick<InfrastructureDeps, 'overcommit'>): OvercommitRatios {
  return {
    cpu: deps.overcommit?.cpu ?? DEFAULT_CPU_OVERCOMMIT,
    memory: deps.overcommit?.memory ?? DEFAULT_MEMORY_OVERCOMMIT,
  };
}

function publisherOf(deps: InfrastructureDeps, log: Logger): ChangePublisher {
  return new ChangePublisher(deps.events, (err) => log.warn(`host change not published: ${err instanceof Error ? err.message : String(err)}`));
}

/** The infrastructure subgraph: hosts, clusters and DRS recommendations. */
export async function createInfrastructureSubgraph(deps: InfrastructureDeps): Promise<Subgraph<InfrastructureContext>> {
  const log = deps.log ?? CONSOLE_LOGGER;
  const stores = {
    hosts: new HostStorage(deps.db),
    clusters: new ClusterStorage(deps.db),
    recommendations: new DrsRecommendationStorage(deps.db),
  };
  const hostService = new HostService(
    stores.hosts,
    { agents: deps.agents, coordination: deps.coordination, publisher: publisherOf(deps, log), log },
    overcommitOf(deps),
  );
  const clusterService = new ClusterService(stores.clusters);
  const recommendationService = new DrsRecommendationService(stores.recommendations);

  const resolvers = [
    new HostResolver(hostService, clusterService),
    new ClusterResolver(clusterService, hostService),
    new DrsStatusResolver(clusterService),
    new DrsRecommendationResolver(recommendationService, clusterService, hostService),
    new HostSubscriptionResolver(),
  ];
  const schema = await buildFederatedSchema({
    resolvers: [HostResolver, ClusterResolver, DrsStatusResolver, DrsRecommendationResolver, HostSubscriptionResolver],
    container: instanceContainer(resolvers),
    references: {
      Host: hostReference(hostService),
      Cluster: clusterReference(clusterService),
      DrsRecommendation: drsRecommendationReference(recommendationService),
    },
    audit: deps.audit,
  });

  return {
    name: 'infrastructure',
    schema,
    createContext: (base) => ({ ...base, loaders: createLoaders(stores) }),
  };
}

export interface HostMonitorOptions {
  /** Time between two readings of the host list; default DEFAULT_RESYNC_INTERVAL_MS (2 s). */
  resyncIntervalMs?: number;
  /** The election to campaign in; default HOST_MONITOR_ELECTION ('host-monitor'). */
  electionName?: string;
}

/**
 * The host monitor of this subgraph's hosts: start() campaigns for the 'host-monitor'
 * leadership and, while leading, follows every agent's heartbeats; stop() resigns and closes
 * every watch. Every process that serves the subgraph may start one; only the leader works.
 */
export function createHostMonitor(deps: InfrastructureDeps, options: HostMonitorOptions = {}): HostMonitor {
  const log = deps.log ?? CONSOLE_LOGGER;
  return new HeartbeatHostMonitor({
    storage: new HostStorage(deps.db),
    agents: deps.agents,
    coordination: deps.coordination,
    events: deps.events,
    publisher: publisherOf(deps, log),
    heartbeat: deps.heartbeat,
    overcommit: overcommitOf(deps),
    log,
    ...options,
  });
}
