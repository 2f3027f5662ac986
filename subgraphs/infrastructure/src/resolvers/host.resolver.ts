import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Label, labelsToList, runMutation, type Connection, type Payload } from '../../../platform/src';
import type { Cluster } from '../domain/cluster';
import type { Host, HostQuery } from '../domain/host';
import type { InfrastructureContext } from '../context';
import type { ClusterService } from '../services/cluster.service';
import type { HostService } from '../services/host.service';
import { ClusterType } from '../schema/cluster.type';
import { HostConnection } from '../schema/host-connection.type';
import { HostFilterInput } from '../schema/host-filter.input';
import { HostIdInput } from '../schema/host-id.input';
import { HostPayload } from '../schema/host.payload';
import { HostType } from '../schema/host.type';
import { RegisterHostInput } from '../schema/register-host.input';

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

  @Mutation(() => HostPayload, { description: 'Dials the agent over mutual TLS, reads its capacity and stores the host READY. ADMIN only.' })
  registerHost(@Arg('input', () => RegisterHostInput) input: RegisterHostInput, @Ctx() ctx: InfrastructureContext): Promise<Payload<{ host: Host }>> {
    return runMutation(() => this.hostService.register(ctx, input));
  }

  @Mutation(() => HostPayload, { description: 'The scheduler places nothing new on the host; what runs there stays.' })
  cordonHost(@Arg('input', () => HostIdInput) input: HostIdInput, @Ctx() ctx: InfrastructureContext): Promise<Payload<{ host: Host }>> {
    return runMutation(() => this.hostService.setSchedulable(ctx, input, false));
  }

  @Mutation(() => HostPayload)
  uncordonHost(@Arg('input', () => HostIdInput) input: HostIdInput, @Ctx() ctx: InfrastructureContext): Promise<Payload<{ host: Host }>> {
    return runMutation(() => this.hostService.setSchedulable(ctx, input, true));
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
