import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { runMutation, type Payload } from '../../../platform/src';
import type { ComputeContext } from '../context';
import { CreateVirtualMachineInput } from '../schema/create-virtual-machine.input';
import { DeletePayload } from '../schema/delete.payload';
import { DeleteVirtualMachineInput } from '../schema/delete-virtual-machine.input';
import { StopVirtualMachineInput } from '../schema/stop-virtual-machine.input';
import { VirtualMachineIdInput } from '../schema/virtual-machine-id.input';
import { VirtualMachinePayload } from '../schema/virtual-machine.payload';
import type { CreatedVm, VmCreateService } from '../services/vm-create.service';
import type { VmAndTask, VmPowerService } from '../services/vm-power.service';
import type { Task } from '../domain/task';

/**
 * The VM lifecycle mutations. Each answers at once with the VM and the Task the agent works
 * through; caller-fixable problems come back as userErrors (runMutation), and the platform's
 * middleware audits every call.
 */
@Resolver()
export class VmMutationResolver {
  constructor(
    private readonly creation: VmCreateService,
    private readonly power: VmPowerService,
  ) {}

  @Mutation(() => VirtualMachinePayload)
  createVirtualMachine(
    @Arg('input', () => CreateVirtualMachineInput) input: CreateVirtualMachineInput,
    @Ctx() ctx: ComputeContext,
  ): Promise<Payload<CreatedVm>> {
    return runMutation(() => this.creation.create(ctx, input));
  }

  @Mutation(() => VirtualMachinePayload)
  startVirtualMachine(@Arg('input', () => VirtualMachineIdInput) input: VirtualMachineIdInput, @Ctx() ctx: ComputeContext): Promise<Payload<VmAndTask>> {
    return runMutation(() => this.power.start(ctx, input));
  }

  @Mutation(() => VirtualMachinePayload)
  stopVirtualMachine(@Arg('input', () => StopVirtualMachineInput) input: StopVirtualMachineInput, @Ctx() ctx: ComputeContext): Promise<Payload<VmAndTask>> {
    return runMutation(() => this.power.stop(ctx, input));
  }

  @Mutation(() => VirtualMachinePayload)
  rebootVirtualMachine(@Arg('input', () => VirtualMachineIdInput) input: VirtualMachineIdInput, @Ctx() ctx: ComputeContext): Promise<Payload<VmAndTask>> {
    return runMutation(() => this.power.reboot(ctx, input));
  }

  @Mutation(() => DeletePayload)
  deleteVirtualMachine(
    @Arg('input', () => DeleteVirtualMachineInput) input: DeleteVirtualMachineInput,
    @Ctx() ctx: ComputeContext,
  ): Promise<Payload<{ deletedId: string; task: Task }>> {
    return runMutation(() => this.power.delete(ctx, input));
  }
}
