import { buildFederatedSchema, instanceContainer, type AuditSink, type Database, type Subgraph } from '../../platform/src';
import type { InfrastructureContext } from './context';
import { ClusterStorage } from './data/cluster.storage';
import { DrsRecommendationStorage } from './data/drs-recommendation.storage';
import { HostStorage } from './data/host.storage';
import { createLoaders } from './data/loaders';
import { DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT, type OvercommitRatios } from './domain/host';
import { ClusterResolver } from './resolvers/cluster.resolver';
import { DrsRecommendationResolver } from './resolvers/drs-recommendation.resolver';
import { DrsStatusResolver } from './resolvers/drs-status.resolver';
import { HostResolver } from './resolvers/host.resolver';
import { clusterReference } from './schema/cluster.reference';
import { drsRecommendationReference } from './schema/drs-recommendation.reference';
import { hostReference } from './schema/host.reference';
import { ClusterService } from './services/cluster.service';
import { DrsRecommendationService } from './services/drs-recommendation.service';
import { HostService } from './services/host.service';

export type { InfrastructureContext } from './context';
export {
  allocatableOf,
  DEFAULT_CPU_OVERCOMMIT,
  DEFAULT_MEMORY_OVERCOMMIT,
  DEFAULT_OVERCOMMIT,
  type OvercommitRatios,
} from './domain/host';

export interface InfrastructureDeps {
  db: Database;
  audit: AuditSink;
  /**
   * Overcommit ratios for hosts registered from now on; each defaults to
   * DEFAULT_CPU_OVERCOMMIT (2.0) and DEFAULT_MEMORY_OVERCOMMIT (1.5).
   */
  overcommit?: Partial<OvercommitRatios>;
}

/** The infrastructure subgraph: hosts, clusters and DRS recommendations. */
export async function createInfrastructureSubgraph(deps: InfrastructureDeps): Promise<Subgraph<InfrastructureContext>> {
  const stores = {
    hosts: new HostStorage(deps.db),
    clusters: new ClusterStorage(deps.db),
    recommendations: new DrsRecommendationStorage(deps.db),
  };
  const hostService = new HostService(stores.hosts, {
    cpu: deps.overcommit?.cpu ?? DEFAULT_CPU_OVERCOMMIT,
    memory: deps.overcommit?.memory ?? DEFAULT_MEMORY_OVERCOMMIT,
  });
  const clusterService = new ClusterService(stores.clusters);
  const recommendationService = new DrsRecommendationService(stores.recommendations);

  const resolvers = [
    new HostResolver(hostService, clusterService),
    new ClusterResolver(clusterService, hostService),
    new DrsStatusResolver(clusterService),
    new DrsRecommendationResolver(recommendationService, clusterService, hostService),
  ];
  const schema = await buildFederatedSchema({
    resolvers: [HostResolver, ClusterResolver, DrsStatusResolver, DrsRecommendationResolver],
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
