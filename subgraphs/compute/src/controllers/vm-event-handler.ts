// Turns a host's agent events into VM states and task progress. Policy: what the agent
// reports is the VM's state (written only when it changed); an event carrying the operation
// id of an active task moves that task (under way, at its target, failed on FAILED); the
// `operation` event naming the task ends it, as the agent's contract says; a VM the host reports DELETED is removed
// with its reservations if its deletion was asked, and shown FAILED otherwise (deleted on the
// host behind the control plane: an operator decides).
import type { AgentEvent } from '../../../../agents-client/src';
import type { TaskProgressStorage } from '../data/task-progress.storage';
import type { VmStatusStorage } from '../data/vm-status.storage';
import { isUuid } from '../domain/uuid';
import type { VirtualMachine } from '../domain/virtual-machine';
import { stepOnState, targetStateOf, vmStateOf, type VmTask } from '../domain/vm-task';
import type { VmStatusService } from '../services/vm-status.service';

type VmStateEvent = Extract<AgentEvent, { kind: 'vmState' }>;
type OperationEvent = Extract<AgentEvent, { kind: 'operation' }>;

export interface VmEventHandlerDeps {
  vms: Pick<VmStatusStorage, 'findById'>;
  tasks: Pick<TaskProgressStorage, 'findActive' | 'latestForVms'>;
  status: VmStatusService;
}

export class VmEventHandler {
  constructor(private readonly deps: VmEventHandlerDeps) {}

  async onEvent(hostId: string, event: AgentEvent): Promise<void> {
    if (event.kind === 'vmState') await this.onVmState(hostId, event);
    else if (event.kind === 'operation') await this.onOperation(event);
  }

  private async onVmState(hostId: string, event: VmStateEvent): Promise<void> {
    const { vms, status } = this.deps;
    const vm = isUuid(event.vmId) ? await vms.findById(event.vmId) : null;
    // Not a VM of ours, or one placed on another host (a stale stream): nothing to record.
    if (!vm || vm.hostId !== hostId) return;
    const task = event.operationId ? await this.activeTask(event.operationId, vm.id) : null;
    const state = vmStateOf(event.state);
    if (state === null) return this.onDeleted(vm, task);
    await status.observe(vm.id, state, state === 'FAILED' ? event.error || 'failed on the host' : null);
    if (!task) return;
    const step = stepOnState(task, event.state, event.error);
    if (step.kind === 'progress') await status.advance(task.id, step.progress);
    else await status.finishTask(task.id, { state: 'FAILED', code: 'OPERATION_FAILED', message: step.message });
  }

  private async onDeleted(vm: VirtualMachine, task: VmTask | null): Promise<void> {
    const { tasks, status } = this.deps;
    // Asked: the last task on the VM is its deletion (running, or even timed out meanwhile).
    const asked = task?.kind === 'VM_DELETE' || (await tasks.latestForVms([vm.id])).get(vm.id)?.kind === 'VM_DELETE';
    if (asked) await status.finalizeDeletion(vm.id);
    else await status.observe(vm.id, 'FAILED', 'deleted on its host outside LimiQuantix');
  }

  private async onOperation(event: OperationEvent): Promise<void> {
    const { status } = this.deps;
    const task = await this.activeTask(event.operationId, event.vmId);
    if (!task) return; // finished already (failed on a state event, or removed with its VM)
    if (!event.succeeded) {
      const message = event.error || `${task.kind} failed on the host`;
      if (await status.finishTask(task.id, { state: 'FAILED', code: 'OPERATION_FAILED', message })) {
        await status.observe(task.targetId, 'FAILED', message, { state: task.params.pendingState });
      }
      return;
    }
    // The VM is at the target (also when no state event came: stopping a VM already stopped).
    const target = vmStateOf(targetStateOf(task.kind, task.params));
    if (target === null) {
      if (!(await status.finalizeDeletion(task.targetId))) await status.finishTask(task.id, { state: 'SUCCEEDED' });
      return;
    }
    await status.observe(task.targetId, target, null);
    await status.finishTask(task.id, { state: 'SUCCEEDED' });
  }

  /** Our operation ids are task ids (uuids); other ids on the host's stream are not ours. */
  private async activeTask(operationId: string, vmId: string): Promise<VmTask | null> {
    if (!isUuid(operationId)) return null;
    const task = await this.deps.tasks.findActive(operationId);
    return task && task.targetId === vmId ? task : null;
  }
}
