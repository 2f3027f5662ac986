import { authorize } from '../../../platform/src';
import { clusterImbalance } from '../domain/cluster-balance';
import type { Cluster } from '../domain/cluster';
import type { ClusterStorage } from '../data/cluster.storage';
import type { InfrastructureContext } from '../context';
import { isUuid } from './ids';

/** Reading clusters and their DRS status; create/update and DRS runs join it later. */
export class ClusterService {
  constructor(private readonly storage: ClusterStorage) {}

  /** The cluster, or null when it does not exist (or the id is not a uuid). */
  async cluster(ctx: InfrastructureContext, id: string): Promise<Cluster | null> {
    authorize(ctx, 'cluster:read');
    return isUuid(id) ? ctx.loaders.clusterById.load(id) : null;
  }

  async clusters(ctx: InfrastructureContext): Promise<Cluster[]> {
    authorize(ctx, 'cluster:read');
    return this.storage.list();
  }

  /**
   * The balance of the cluster's READY hosts now, computed from their reservations rather
   * than read from the stored drsImbalance, which is only as fresh as the last DRS run.
   */
  async imbalance(ctx: InfrastructureContext, clusterId: string): Promise<number> {
    authorize(ctx, 'cluster:read');
    return clusterImbalance(await ctx.loaders.readyHostsByClusterId.load(clusterId));
  }

  async pendingRecommendations(ctx: InfrastructureContext, clusterId: string): Promise<number> {
    authorize(ctx, 'cluster:read');
    return ctx.loaders.pendingRecommendationCountByClusterId.load(clusterId);
  }
}
