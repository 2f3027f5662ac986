import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ComputeContext } from '../context';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { VirtualMachine } from '../schema/virtual-machine.type';
import { Volume } from '../schema/volume.type';
import type { VirtualMachineService } from '../services/virtual-machine.service';

/** Contributes `Volume.attachedTo` (from vm_disks) to the storage-network subgraph's Volume. */
@Resolver(() => Volume)
export class VolumeResolver {
  constructor(private readonly vms: VirtualMachineService) {}

  @FieldResolver(() => VirtualMachine, { nullable: true })
  attachedTo(@Root() volume: Volume, @Ctx() ctx: ComputeContext): Promise<VirtualMachineValue | null> {
    return this.vms.attachedTo(ctx, volume.id);
  }
}
