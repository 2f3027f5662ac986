import { authorize, NotFoundError } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { Task } from '../domain/task';
import { isUuid } from '../domain/uuid';
import type { VirtualMachine } from '../domain/virtual-machine';
import type { PowerOperation, VmOperations } from './vm-operations';

/** What a power mutation answers with. */
export interface VmAndTask {
  virtualMachine: VirtualMachine;
  task: Task;
}

/**
 * start/stop/reboot (`vm:power`) and delete (`vm:delete`) of a VM. Each returns at once with
 * the VM in its new intent and the task the agent works through.
 */
export class VmPowerService {
  constructor(private readonly operations: VmOperations) {}

  start(ctx: ComputeContext, input: { id: string }): Promise<VmAndTask> {
    return this.run(ctx, input.id, 'start', false);
  }

  /** force: power off at once rather than a guest shutdown. */
  stop(ctx: ComputeContext, input: { id: string; force?: boolean | null }): Promise<VmAndTask> {
    return this.run(ctx, input.id, 'stop', input.force === true);
  }

  reboot(ctx: ComputeContext, input: { id: string }): Promise<VmAndTask> {
    return this.run(ctx, input.id, 'reboot', false);
  }

  /**
   * force: delete even if running (the agent powers it off first). `deleteVolumes` is
   * accepted and has no effect yet: no VM is created with volumes until attachVolume lands.
   * The row goes when the agent reports the VM gone; until then the VM shows DELETING.
   */
  async delete(ctx: ComputeContext, input: { id: string; force?: boolean | null; deleteVolumes?: boolean | null }): Promise<{ deletedId: string; task: Task }> {
    const { virtualMachine, task } = await this.run(ctx, input.id, 'delete', input.force === true);
    return { deletedId: virtualMachine.id, task };
  }

  private async run(ctx: ComputeContext, id: string, op: PowerOperation, force: boolean): Promise<VmAndTask> {
    const viewer = authorize(ctx, op === 'delete' ? 'vm:delete' : 'vm:power');
    if (!isUuid(id)) throw new NotFoundError(`virtual machine ${id} does not exist`, { field: ['input', 'id'] });
    const { vm, task } = await this.operations.begin(id, op, { force }, viewer.username);
    return { virtualMachine: vm, task };
  }
}
