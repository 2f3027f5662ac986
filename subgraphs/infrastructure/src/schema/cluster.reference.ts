import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';

/** `_entities` for Cluster: one batched query per request through the clusterById loader. */
export function clusterReference(clusters: ClusterService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: InfrastructureContext) => clusters.cluster(ctx, ref.id),
  };
}
