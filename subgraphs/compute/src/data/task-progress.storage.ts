import type { Prisma, Task as TaskRow } from '../../../../prisma/generated/client';
import type { Database } from '../../../platform/src';
import type { Task } from '../domain/task';
import { isVmTaskKind, PROGRESS, VM_TASK_KINDS, vmTaskParamsOf, type VmTask, type VmTaskKind, type VmTaskParams } from '../domain/vm-task';
import { toTask } from './task.storage';

/** The task of a VM operation; null for rows of other kinds. */
export function toVmTask(row: TaskRow): VmTask | null {
  if (!isVmTaskKind(row.kind)) return null;
  return { ...toTask(row), kind: row.kind, params: vmTaskParamsOf(row.params) };
}

export interface NewVmTask {
  /** Chosen by the caller when it must be known before the insert (idempotency keys). */
  id?: string;
  kind: VmTaskKind;
  vmId: string;
  hostId: string | null;
  params: VmTaskParams;
  /** A username, or 'reconciler' for the controller's own corrections. */
  createdBy: string;
}

/** The row of a new, QUEUED VM task. */
export function vmTaskRow(task: NewVmTask): Prisma.TaskUncheckedCreateInput {
  return {
    ...(task.id ? { id: task.id } : {}),
    kind: task.kind,
    state: 'QUEUED',
    progress: PROGRESS.queued,
    targetType: 'VirtualMachine',
    targetId: task.vmId,
    hostId: task.hostId,
    params: { ...task.params },
    createdBy: task.createdBy,
  };
}

const ACTIVE = { state: { in: ['QUEUED', 'RUNNING'] }, kind: { in: [...VM_TASK_KINDS] } } satisfies Prisma.TaskWhereInput;

export type TaskOutcome = { state: 'SUCCEEDED' } | { state: 'FAILED'; code: string; message: string };

/**
 * The writes that move VM tasks forward. Each is conditional on the task still being active
 * (and, for progress, on moving forward), so the dispatcher, the event handler and the
 * reconciler may race on one task: exactly one of them finishes it, and the others get null.
 */
export class TaskProgressStorage {
  constructor(private readonly db: Database) {}

  async findActive(id: string): Promise<VmTask | null> {
    const row = await this.db.task.findFirst({ where: { id, ...ACTIVE } });
    return row ? toVmTask(row) : null;
  }

  /** The active task of each VM (the newest, should there be several). */
  async activeForVms(vmIds: readonly string[]): Promise<Map<string, VmTask>> {
    const rows = await this.db.task.findMany({ where: { targetId: { in: [...vmIds] }, ...ACTIVE }, orderBy: { createdAt: 'asc' } });
    const byVm = new Map<string, VmTask>();
    for (const row of rows) {
      const task = toVmTask(row);
      if (task) byVm.set(task.targetId, task);
    }
    return byVm;
  }

  async activeForVm(vmId: string): Promise<VmTask | null> {
    return (await this.activeForVms([vmId])).get(vmId) ?? null;
  }

  /** The newest VM task of each VM, whatever its state: what was last asked of the VM. */
  async latestForVms(vmIds: readonly string[]): Promise<Map<string, VmTask>> {
    const rows = await this.db.task.findMany({
      where: { targetId: { in: [...vmIds] }, kind: { in: [...VM_TASK_KINDS] } },
      orderBy: [{ targetId: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
      distinct: ['targetId'],
    });
    const byVm = new Map<string, VmTask>();
    for (const row of rows) {
      const task = toVmTask(row);
      if (task) byVm.set(task.targetId, task);
    }
    return byVm;
  }

  /** Every active VM task, oldest first. */
  async allActive(): Promise<VmTask[]> {
    const rows = await this.db.task.findMany({ where: ACTIVE, orderBy: { createdAt: 'asc' } });
    return rows.map(toVmTask).filter((t): t is VmTask => t !== null);
  }

  /** QUEUED -> RUNNING, recorded before the agent is called; null when already sent or finished. */
  markSent(id: string, now: Date): Promise<Task | null> {
    return this.update({ id, state: 'QUEUED' }, { state: 'RUNNING', progress: PROGRESS.sent, startedAt: now });
  }

  /** Sets the progress text of a running task; null when it already says so. */
  note(id: string, message: string | null): Promise<Task | null> {
    const differs: Prisma.TaskWhereInput = message === null ? { NOT: { message: null } } : { OR: [{ message: null }, { message: { not: message } }] };
    return this.update({ id, state: 'RUNNING', ...differs }, { message });
  }

  /** Raises the progress; null when the task is finished or already that far. */
  advance(id: string, progress: number): Promise<Task | null> {
    return this.update({ id, ...ACTIVE, progress: { lt: progress } }, { progress });
  }

  finish(id: string, outcome: TaskOutcome, now: Date): Promise<Task | null> {
    const data: Prisma.TaskUpdateManyMutationInput =
      outcome.state === 'SUCCEEDED'
        ? { state: 'SUCCEEDED', progress: PROGRESS.done, finishedAt: now, message: null }
        : { state: 'FAILED', errorCode: outcome.code, errorMessage: outcome.message, finishedAt: now, message: null };
    return this.update({ id, ...ACTIVE }, data);
  }

  private async update(where: Prisma.TaskWhereInput, data: Prisma.TaskUpdateManyMutationInput): Promise<Task | null> {
    const [row] = await this.db.task.updateManyAndReturn({ where, data });
    return row ? toTask(row) : null;
  }
}
