import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Connection } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { Host } from '../schema/host.type';
import { VirtualMachineConnection } from '../schema/virtual-machine-connection.type';
import type { VirtualMachineService } from '../services/virtual-machine.service';

/** Contributes `Host.virtualMachines` to the infrastructure subgraph's Host. */
@Resolver(() => Host)
export class HostResolver {
  constructor(private readonly vms: VirtualMachineService) {}

  @FieldResolver(() => VirtualMachineConnection)
  virtualMachines(
    @Root() host: Host,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ComputeContext,
  ): Promise<Connection<VirtualMachineValue>> {
    return this.vms.onHost(ctx, host.id, { first, after });
  }
}
