import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ComputeContext } from '../context';
import type { VirtualMachine as VirtualMachineValue } from '../domain/virtual-machine';
import { SecurityGroup } from '../schema/security-group.type';
import { VirtualMachine } from '../schema/virtual-machine.type';
import type { VirtualMachineService } from '../services/virtual-machine.service';

/** Contributes `SecurityGroup.virtualMachines` (VMs with a NIC in the group). */
@Resolver(() => SecurityGroup)
export class SecurityGroupResolver {
  constructor(private readonly vms: VirtualMachineService) {}

  @FieldResolver(() => [VirtualMachine])
  virtualMachines(@Root() group: SecurityGroup, @Ctx() ctx: ComputeContext): Promise<VirtualMachineValue[]> {
    return this.vms.inSecurityGroup(ctx, group.id);
  }
}
