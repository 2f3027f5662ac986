import type { StatusGuard, VmStatusStorage } from '../data/vm-status.storage';
import type { TaskOutcome, TaskProgressStorage } from '../data/task-progress.storage';
import type { Task } from '../domain/task';
import type { DesiredVmState, VirtualMachine, VmState } from '../domain/virtual-machine';
import type { ComputeEvents } from './change-events';

/**
 * Every write the live path makes to VMs and tasks, each followed by its change event: the
 * dispatcher, the agent event handler and the reconciler all go through here, so nothing
 * changes without subscribers hearing of it. The storages make each write conditional; a
 * write that lost (null) publishes nothing.
 */
export class VmStatusService {
  constructor(
    private readonly vms: VmStatusStorage,
    private readonly tasks: TaskProgressStorage,
    private readonly events: ComputeEvents,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async observe(vmId: string, state: VmState, reason: string | null, guard?: StatusGuard): Promise<VirtualMachine | null> {
    return this.published(await this.vms.setState(vmId, state, reason, guard));
  }

  async setReason(vmId: string, reason: string): Promise<VirtualMachine | null> {
    return this.published(await this.vms.setReason(vmId, reason));
  }

  async restore(vmId: string, pendingState: VmState, to: { state: VmState; desiredState: DesiredVmState; reason: string }): Promise<VirtualMachine | null> {
    return this.published(await this.vms.restore(vmId, pendingState, to));
  }

  async markSent(taskId: string): Promise<Task | null> {
    return this.publishedTask(await this.tasks.markSent(taskId, this.now()));
  }

  async note(taskId: string, message: string | null): Promise<Task | null> {
    return this.publishedTask(await this.tasks.note(taskId, message));
  }

  async advance(taskId: string, progress: number): Promise<Task | null> {
    return this.publishedTask(await this.tasks.advance(taskId, progress));
  }

  async finishTask(taskId: string, outcome: TaskOutcome): Promise<Task | null> {
    return this.publishedTask(await this.tasks.finish(taskId, outcome, this.now()));
  }

  /** Removes a VM its host no longer has, with its reservations; false when already removed. */
  async finalizeDeletion(vmId: string): Promise<boolean> {
    const done = await this.vms.finalizeDeletion(vmId, this.now());
    if (!done) return false;
    this.events.vm('DELETED', done.vm);
    for (const task of done.tasks) this.events.task('UPDATED', task);
    return true;
  }

  private published(vm: VirtualMachine | null): VirtualMachine | null {
    if (vm) this.events.vm('UPDATED', vm);
    return vm;
  }

  private publishedTask(task: Task | null): Task | null {
    if (task) this.events.task('UPDATED', task);
    return task;
  }
}
