// Sends a VM task's operation to the agent of its host, with the task id as operation id.
// Policy: record the task as sent (RUNNING) before calling, so a stale read elsewhere cannot
// start it twice; the agent runs a repeated operation id once, so sending again is always
// safe. What the agent says decides the rest:
// - accepted: nothing more here; the outcome arrives as events (VmEventHandler);
// - unreachable (outcome unknown): the task stays RUNNING with "agent unreachable, retrying",
//   and the reconciler sends it again with backoff until it settles or times out;
// - refused (nothing changed on the host), per operation:
//   create: task FAILED, VM FAILED with the reason; its host reservation and quota are kept
//     until the VM is deleted (an operator sees it and deletes or recreates it);
//   create refused with ALREADY_EXISTS: the VM is there (the agent forgot the id): the events
//     or the next listing settle the task;
//   delete refused with NOT_FOUND: the VM is already gone, so the deletion completes;
//   start/stop/reboot/delete otherwise: task FAILED and the VM back to its state and intent
//     before the task (NOT_FOUND: VM FAILED, it is not on its host).
import { AgentCallError, AgentUnavailableError, type AgentClient, type AgentConnector, type AgentVmSpec } from '../../../../agents-client/src';
import type { HostSnapshotStorage } from '../data/host-snapshot.storage';
import type { TaskProgressStorage } from '../data/task-progress.storage';
import type { VmStatusStorage } from '../data/vm-status.storage';
import { NOT_ON_HOST } from '../domain/reconcile-plan';
import type { VirtualMachine } from '../domain/virtual-machine';
import type { VmTask } from '../domain/vm-task';
import { describeError, type Logger } from '../services/logger';
import type { TaskDispatcher } from '../services/task-dispatcher';
import type { VmStatusService } from '../services/vm-status.service';

export const AGENT_UNREACHABLE = 'agent unreachable, retrying';

export interface VmDispatcherDeps {
  tasks: TaskProgressStorage;
  vms: Pick<VmStatusStorage, 'findById'>;
  hosts: Pick<HostSnapshotStorage, 'agentTarget'>;
  agents: AgentConnector;
  status: VmStatusService;
  log: Logger;
}

export function agentSpecOf(vm: VirtualMachine): AgentVmSpec {
  return {
    vmId: vm.id,
    name: vm.name,
    vcpus: vm.spec.vcpus,
    memoryMib: vm.spec.memoryMib,
    ...(vm.spec.image ? { image: vm.spec.image } : {}),
    disks: [],
    nics: [],
  };
}

export class VmDispatcher implements TaskDispatcher {
  /** One send per task at a time in this process; a second request joins the first. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly deps: VmDispatcherDeps) {}

  dispatch(taskId: string): void {
    void this.send(taskId);
  }

  /** Sends the task if it is still active; never rejects (failures are logged and retried by the reconciler). */
  send(taskId: string): Promise<void> {
    const running = this.inFlight.get(taskId);
    if (running) return running;
    const sending = this.sendOnce(taskId)
      .catch((err: unknown) => this.deps.log.warn(`task ${taskId}: not sent: ${describeError(err)}`))
      .finally(() => this.inFlight.delete(taskId));
    this.inFlight.set(taskId, sending);
    return sending;
  }

  /** Resolves when no send is in flight. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight.values()]);
  }

  private async sendOnce(taskId: string): Promise<void> {
    const { tasks, vms, hosts, agents, status } = this.deps;
    const task = await tasks.findActive(taskId);
    if (!task) return;
    const vm = await vms.findById(task.targetId);
    if (!vm) {
      await status.finishTask(task.id, task.kind === 'VM_DELETE' ? { state: 'SUCCEEDED' } : { state: 'FAILED', code: 'VM_NOT_FOUND', message: 'the VM no longer exists' });
      return;
    }
    const host = task.hostId ? await hosts.agentTarget(task.hostId) : null;
    if (!host) return this.hostGone(task, vm);
    await status.markSent(task.id);
    try {
      await this.call(agents.connect(host.agentAddress), task, vm);
      if (task.message === AGENT_UNREACHABLE) await status.note(task.id, null);
    } catch (err) {
      if (err instanceof AgentUnavailableError) await status.note(task.id, AGENT_UNREACHABLE);
      else if (err instanceof AgentCallError) await this.refused(task, vm, err);
      else throw err;
    }
  }

  private call(agent: AgentClient, task: VmTask, vm: VirtualMachine): Promise<void> {
    switch (task.kind) {
      case 'VM_CREATE':
        return agent.createVm(task.id, agentSpecOf(vm), task.params.start);
      case 'VM_START':
        return agent.startVm(task.id, vm.id);
      case 'VM_STOP':
        return agent.stopVm(task.id, vm.id, task.params.force);
      case 'VM_REBOOT':
        return agent.rebootVm(task.id, vm.id);
      case 'VM_DELETE':
        return agent.deleteVm(task.id, vm.id);
    }
  }

  private async refused(task: VmTask, vm: VirtualMachine, err: AgentCallError): Promise<void> {
    const { status } = this.deps;
    if (task.kind === 'VM_CREATE' && err.code === 'ALREADY_EXISTS') return;
    if (task.kind === 'VM_DELETE' && err.code === 'NOT_FOUND') {
      await status.finalizeDeletion(vm.id);
      return;
    }
    const failed = await status.finishTask(task.id, { state: 'FAILED', code: err.code, message: err.message });
    if (!failed) return; // settled by an event meanwhile
    if (task.kind === 'VM_CREATE') {
      await status.observe(vm.id, 'FAILED', `create refused by its host: ${err.message}`, { state: 'PENDING' });
    } else if (err.code === 'NOT_FOUND') {
      await status.observe(vm.id, 'FAILED', NOT_ON_HOST);
    } else {
      const { pendingState, fromState, fromDesiredState } = task.params;
      await status.restore(vm.id, pendingState, { state: fromState, desiredState: fromDesiredState, reason: `${task.kind} refused by its host: ${err.message}` });
    }
  }

  /** Policy: a deletion whose host was removed just forgets the VM; anything else on it fails. */
  private async hostGone(task: VmTask, vm: VirtualMachine): Promise<void> {
    const { status } = this.deps;
    if (task.kind === 'VM_DELETE') {
      await status.finalizeDeletion(vm.id);
      return;
    }
    const message = `the VM's host ${task.hostId ?? '(none)'} no longer exists`;
    if (await status.finishTask(task.id, { state: 'FAILED', code: 'HOST_NOT_FOUND', message })) await status.observe(vm.id, 'FAILED', message);
  }
}
