import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Cluster, DrsRecommendation, DrsRecommendationStatus } from '../domain/cluster';
import type { Host } from '../domain/host';
import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';
import type { DrsRecommendationService } from '../services/drs-recommendation.service';
import type { HostService } from '../services/host.service';
import { ClusterType } from '../schema/cluster.type';
import { DrsRecommendationStatusEnum } from '../schema/drs-recommendation-status.enum';
import { DrsRecommendationType } from '../schema/drs-recommendation.type';
import { HostType } from '../schema/host.type';
import { TaskRef } from '../schema/task-ref.type';
import { VirtualMachineRef } from '../schema/virtual-machine-ref.type';

@Resolver(() => DrsRecommendationType)
export class DrsRecommendationResolver {
  constructor(
    private readonly recommendationService: DrsRecommendationService,
    private readonly clusterService: ClusterService,
    private readonly hostService: HostService,
  ) {}

  @Query(() => [DrsRecommendationType])
  drsRecommendations(
    @Ctx() ctx: InfrastructureContext,
    @Arg('clusterId', () => ID, { nullable: true }) clusterId?: string | null,
    @Arg('statuses', () => [DrsRecommendationStatusEnum], { nullable: true }) statuses?: DrsRecommendationStatus[] | null,
  ): Promise<DrsRecommendation[]> {
    return this.recommendationService.recommendations(ctx, {
      ...(clusterId != null ? { clusterId } : {}),
      ...(statuses ? { statuses } : {}),
    });
  }

  @FieldResolver(() => ClusterType)
  cluster(@Root() rec: DrsRecommendation, @Ctx() ctx: InfrastructureContext): Promise<Cluster | null> {
    return this.clusterService.cluster(ctx, rec.clusterId);
  }

  @FieldResolver(() => VirtualMachineRef)
  virtualMachine(@Root() rec: DrsRecommendation): VirtualMachineRef {
    return { id: rec.vmId };
  }

  @FieldResolver(() => HostType)
  sourceHost(@Root() rec: DrsRecommendation, @Ctx() ctx: InfrastructureContext): Promise<Host | null> {
    return this.hostService.host(ctx, rec.sourceHostId);
  }

  @FieldResolver(() => HostType)
  targetHost(@Root() rec: DrsRecommendation, @Ctx() ctx: InfrastructureContext): Promise<Host | null> {
    return this.hostService.host(ctx, rec.targetHostId);
  }

  @FieldResolver(() => TaskRef, { nullable: true })
  task(@Root() rec: DrsRecommendation): TaskRef | null {
    return rec.taskId === null ? null : { id: rec.taskId };
  }
}
