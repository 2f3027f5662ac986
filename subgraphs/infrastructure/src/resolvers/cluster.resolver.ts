import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../../platform/src';
import type { Cluster } from '../domain/cluster';
import type { Host } from '../domain/host';
import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';
import type { HostService } from '../services/host.service';
import { ClusterType } from '../schema/cluster.type';
import { DrsStatusType, type DrsStatusSource } from '../schema/drs-status.type';
import { HostConnection } from '../schema/host-connection.type';

@Resolver(() => ClusterType)
export class ClusterResolver {
  constructor(
    private readonly clusterService: ClusterService,
    private readonly hostService: HostService,
  ) {}

  @Query(() => ClusterType, { nullable: true })
  cluster(@Arg('id', () => ID) id: string, @Ctx() ctx: InfrastructureContext): Promise<Cluster | null> {
    return this.clusterService.cluster(ctx, id);
  }

  @Query(() => [ClusterType])
  clusters(@Ctx() ctx: InfrastructureContext): Promise<Cluster[]> {
    return this.clusterService.clusters(ctx);
  }

  @FieldResolver(() => HostConnection)
  hosts(
    @Root() cluster: Cluster,
    @Ctx() ctx: InfrastructureContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Host>> {
    return this.hostService.hosts(ctx, { clusterId: cluster.id }, { first, after });
  }

  @FieldResolver(() => DrsStatusType)
  drsStatus(@Root() cluster: Cluster): DrsStatusSource {
    return { clusterId: cluster.id, lastRunAt: cluster.drsLastRunAt };
  }
}
