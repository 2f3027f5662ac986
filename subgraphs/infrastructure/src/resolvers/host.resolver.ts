import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Label, labelsToList, type Connection } from '../../../platform/src';
import type { Cluster } from '../domain/cluster';
import type { Host, HostQuery } from '../domain/host';
import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';
import type { HostService } from '../services/host.service';
import { ClusterType } from '../schema/cluster.type';
import { HostConnection } from '../schema/host-connection.type';
import { HostFilterInput } from '../schema/host-filter.input';
import { HostType } from '../schema/host.type';

@Resolver(() => HostType)
export class HostResolver {
  constructor(
    private readonly hostService: HostService,
    private readonly clusterService: ClusterService,
  ) {}

  @Query(() => HostType, { nullable: true })
  host(@Arg('id', () => ID) id: string, @Ctx() ctx: InfrastructureContext): Promise<Host | null> {
    return this.hostService.host(ctx, id);
  }

  @Query(() => HostConnection)
  hosts(
    @Ctx() ctx: InfrastructureContext,
    @Arg('filter', () => HostFilterInput, { nullable: true }) filter?: HostFilterInput | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<Host>> {
    return this.hostService.hosts(ctx, toHostQuery(filter), { first, after });
  }

  @FieldResolver(() => [Label])
  labels(@Root() host: Host): Label[] {
    return labelsToList(host.labels);
  }

  @FieldResolver(() => ClusterType, { nullable: true })
  cluster(@Root() host: Host, @Ctx() ctx: InfrastructureContext): Promise<Cluster | null> | null {
    return host.clusterId === null ? null : this.clusterService.cluster(ctx, host.clusterId);
  }
}

function toHostQuery(filter: HostFilterInput | null | undefined): HostQuery {
  return {
    ...(filter?.clusterId != null ? { clusterId: filter.clusterId } : {}),
    ...(filter?.phases ? { phases: filter.phases } : {}),
    ...(filter?.labels ? { labels: filter.labels } : {}),
  };
}
