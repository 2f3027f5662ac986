import type { Database } from '../../../platform/src';
import type { Task } from '../domain/task';
import type { DesiredVmState, VirtualMachine, VmState } from '../domain/virtual-machine';
import { toTask } from './task.storage';
import { vmTaskRow, type NewVmTask } from './task-progress.storage';
import { toVirtualMachine } from './virtual-machine.storage';

/** What starting an operation does to the VM row at once (null: left as it is). */
export interface OperationChange {
  desiredState: DesiredVmState | null;
  state: VmState | null;
}

/** Starting a power operation: the VM's new intent and its task, together. */
export class VmOperationStorage {
  constructor(private readonly db: Database) {}

  async findVm(id: string): Promise<VirtualMachine | null> {
    const row = await this.db.virtualMachine.findUnique({ where: { id } });
    return row ? toVirtualMachine(row) : null;
  }

  /**
   * In one transaction: applies `change` to the VM only if its generation is still the one
   * the caller checked (every write to a VM, and every task started on it, raises the
   * generation), then inserts the task. Null when the VM changed meanwhile: nothing written,
   * so of two concurrent requests exactly one starts its operation.
   */
  begin(vm: Pick<VirtualMachine, 'id' | 'generation'>, change: OperationChange, task: NewVmTask): Promise<{ vm: VirtualMachine; task: Task } | null> {
    return this.db.$transaction(async (tx) => {
      const [row] = await tx.virtualMachine.updateManyAndReturn({
        where: { id: vm.id, generation: vm.generation },
        data: {
          ...(change.desiredState ? { desiredState: change.desiredState } : {}),
          ...(change.state ? { state: change.state } : {}),
          stateReason: null,
          generation: { increment: 1 },
        },
      });
      if (!row) return null;
      const created = await tx.task.create({ data: vmTaskRow(task) });
      return { vm: toVirtualMachine(row), task: toTask(created) };
    });
  }
}
