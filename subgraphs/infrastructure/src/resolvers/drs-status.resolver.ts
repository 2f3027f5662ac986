import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';
import { DrsStatusType, type DrsStatusSource } from '../schema/drs-status.type';

/** The costly DrsStatus figures, loaded only when selected and batched across clusters. */
@Resolver(() => DrsStatusType)
export class DrsStatusResolver {
  constructor(private readonly clusterService: ClusterService) {}

  @FieldResolver(() => Float, { description: 'Standard deviation of host load across the cluster, 0..1; lower is better balanced.' })
  imbalance(@Root() status: DrsStatusSource, @Ctx() ctx: InfrastructureContext): Promise<number> {
    return this.clusterService.imbalance(ctx, status.clusterId);
  }

  @FieldResolver(() => Int)
  pendingRecommendations(@Root() status: DrsStatusSource, @Ctx() ctx: InfrastructureContext): Promise<number> {
    return this.clusterService.pendingRecommendations(ctx, status.clusterId);
  }
}
