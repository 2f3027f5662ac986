import type { Prisma } from '../../../../prisma/generated/client';
import type { Database } from '../../../platform/src';
import type { Task } from '../domain/task';
import type { DesiredVmState, VirtualMachine, VmState } from '../domain/virtual-machine';
import { toTask } from './task.storage';
import { toVirtualMachine } from './virtual-machine.storage';

/** Guards of a status write: it happens only if the VM is still as the writer last saw it. */
export interface StatusGuard {
  generation?: number;
  state?: VmState;
}

/** Why the active tasks of a deleted VM other than its delete end FAILED. */
export const DELETED_WITH_VM = 'VM_DELETED';

/**
 * What the agents report about VMs, written back: state, reason, and the removal of a VM
 * its host no longer has. Every write raises the VM's generation, so subscribers can order
 * the changes and the reconciler's guarded writes lose against anything newer.
 */
export class VmStatusStorage {
  constructor(private readonly db: Database) {}

  async findById(id: string): Promise<VirtualMachine | null> {
    const row = await this.db.virtualMachine.findUnique({ where: { id } });
    return row ? toVirtualMachine(row) : null;
  }

  async onHost(hostId: string): Promise<VirtualMachine[]> {
    const rows = await this.db.virtualMachine.findMany({ where: { hostId }, orderBy: { createdAt: 'asc' } });
    return rows.map(toVirtualMachine);
  }

  /** VMs whose host was removed (the foreign key nulled host_id) and not yet shown FAILED. */
  async orphaned(): Promise<VirtualMachine[]> {
    const rows = await this.db.virtualMachine.findMany({ where: { hostId: null, state: { not: 'FAILED' } } });
    return rows.map(toVirtualMachine);
  }

  /** Sets state and reason unless both are already so; null when unchanged or the guard failed. */
  async setState(id: string, state: VmState, reason: string | null, guard: StatusGuard = {}): Promise<VirtualMachine | null> {
    const changed: Prisma.VirtualMachineWhereInput = {
      OR: [{ state: { not: state } }, reason === null ? { NOT: { stateReason: null } } : { OR: [{ stateReason: null }, { stateReason: { not: reason } }] }],
    };
    return this.update({ id, ...guardOf(guard), ...changed }, { state, stateReason: reason });
  }

  /** Puts back the VM's state and intent after a refused operation, if the operation's state still shows. */
  restore(id: string, pendingState: VmState, to: { state: VmState; desiredState: DesiredVmState; reason: string }): Promise<VirtualMachine | null> {
    return this.update({ id, state: pendingState }, { state: to.state, desiredState: to.desiredState, stateReason: to.reason });
  }

  /** Records why the reconciler could not act, leaving the state alone. */
  setReason(id: string, reason: string): Promise<VirtualMachine | null> {
    return this.update({ id, OR: [{ stateReason: null }, { stateReason: { not: reason } }] }, { stateReason: reason });
  }

  /**
   * The VM is gone from its host: in one transaction, removes the row, gives its resources
   * back to the host and the project, and ends its active tasks (the delete SUCCEEDED, any
   * other FAILED). Null when another writer removed it first: resources go back once.
   */
  finalizeDeletion(id: string, now: Date): Promise<{ vm: VirtualMachine; tasks: Task[] } | null> {
    return this.db.$transaction(async (tx) => {
      const row = await tx.virtualMachine.findUnique({ where: { id } });
      if (!row) return null;
      const { count } = await tx.virtualMachine.deleteMany({ where: { id } });
      if (count === 0) return null;
      // Lock order: host, then project, as a create takes them; the opposite order could
      // deadlock a deletion against a create.
      if (row.hostId) {
        await tx.$executeRaw`
          UPDATE hosts SET allocated_vcpus = GREATEST(allocated_vcpus - ${row.vcpus}, 0),
            allocated_memory_mib = GREATEST(allocated_memory_mib - ${row.memoryMib}, 0)
          WHERE id = ${row.hostId}::uuid`;
      }
      await tx.$executeRaw`
        UPDATE projects SET used_vcpus = GREATEST(used_vcpus - ${row.vcpus}, 0),
          used_memory_mib = GREATEST(used_memory_mib - ${row.memoryMib}, 0), used_vms = GREATEST(used_vms - 1, 0), updated_at = now()
        WHERE id = ${row.projectId}::uuid`;
      const active = { targetId: id, state: { in: ['QUEUED' as const, 'RUNNING' as const] } };
      const succeeded = await tx.task.updateManyAndReturn({
        where: { ...active, kind: 'VM_DELETE' },
        data: { state: 'SUCCEEDED', progress: 100, finishedAt: now, message: null },
      });
      const failed = await tx.task.updateManyAndReturn({
        where: active,
        data: { state: 'FAILED', errorCode: DELETED_WITH_VM, errorMessage: 'the VM was deleted', finishedAt: now, message: null },
      });
      return { vm: toVirtualMachine(row), tasks: [...succeeded, ...failed].map(toTask) };
    });
  }

  private async update(where: Prisma.VirtualMachineWhereInput, data: Prisma.VirtualMachineUpdateManyMutationInput): Promise<VirtualMachine | null> {
    const [row] = await this.db.virtualMachine.updateManyAndReturn({ where, data: { ...data, generation: { increment: 1 } } });
    return row ? toVirtualMachine(row) : null;
  }
}

function guardOf(guard: StatusGuard): Prisma.VirtualMachineWhereInput {
  return {
    ...(guard.generation !== undefined ? { generation: guard.generation } : {}),
    ...(guard.state !== undefined ? { state: guard.state } : {}),
  };
}
