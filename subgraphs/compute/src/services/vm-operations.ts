import { InvalidStateError, NotFoundError } from '../../../platform/src';
import type { TaskProgressStorage } from '../data/task-progress.storage';
import type { VmOperationStorage } from '../data/vm-operation.storage';
import type { Task } from '../domain/task';
import type { DesiredVmState, VirtualMachine } from '../domain/virtual-machine';
import { checkOperation } from '../domain/vm-lifecycle';
import { TASK_KIND_OF, type VmTaskParams } from '../domain/vm-task';
import type { ComputeEvents } from './change-events';
import type { TaskDispatcher } from './task-dispatcher';

export type PowerOperation = keyof typeof TASK_KIND_OF;

/** How often a request re-reads a VM that changed under it before giving up. */
const ATTEMPTS = 3;

const AT_ID = ['input', 'id'];

/** The VM is no longer as the caller (the reconciler) saw it: its plan is stale. */
export class VmChangedError extends InvalidStateError {}

export function desiredStateOf(vm: Pick<VirtualMachine, 'desiredState'>): DesiredVmState {
  return vm.desiredState === 'STOPPED' ? 'STOPPED' : 'RUNNING';
}

/**
 * Starts a power operation on a VM: checks the state machine, records the new intent and
 * the task in one guarded transaction, publishes both, and hands the task to the agent.
 * Used by the mutations (createdBy: the username) and by the reconciler ('reconciler').
 *
 * Rule for tasks in flight: a VM runs one task at a time. The agent refuses an operation on
 * a VM busy with another, so a request while a QUEUED or RUNNING task acts on the VM is
 * refused with INVALID_STATE naming that task, even where the state machine alone would let
 * it overtake (a stop while STARTING). Tasks always end (timeout), so the wait is bounded.
 */
export class VmOperations {
  constructor(
    private readonly storage: VmOperationStorage,
    private readonly tasks: TaskProgressStorage,
    private readonly events: ComputeEvents,
    private readonly dispatcher: TaskDispatcher,
  ) {}

  /**
   * `expectedGeneration`: act only on the VM as the caller last saw it, else VmChangedError
   * (the reconciler, whose plan was made from that generation).
   */
  async begin(vmId: string, op: PowerOperation, options: { force: boolean }, createdBy: string, expectedGeneration?: number): Promise<{ vm: VirtualMachine; task: Task }> {
    const guarded = expectedGeneration !== undefined;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const vm = await this.storage.findVm(vmId);
      if (!vm) throw new NotFoundError(`virtual machine ${vmId} does not exist`, { field: AT_ID });
      if (guarded && vm.generation !== expectedGeneration) throw new VmChangedError(`virtual machine ${vmId} changed`);
      const active = await this.tasks.activeForVm(vmId);
      if (active) {
        throw new InvalidStateError(`cannot ${op} ${vm.name}: its ${active.kind} task ${active.id} is ${active.state}; wait for it to finish`, { field: AT_ID });
      }
      const check = checkOperation(vm.state, op, options);
      if (!check.ok) throw new InvalidStateError(`${check.message} (${vm.name})`, { field: AT_ID });
      const params: VmTaskParams = {
        start: false,
        force: options.force,
        fromState: vm.state,
        fromDesiredState: desiredStateOf(vm),
        pendingState: check.state ?? vm.state,
      };
      const begun = await this.storage.begin(vm, check, { kind: TASK_KIND_OF[op], vmId, hostId: vm.hostId, params, createdBy });
      if (!begun && guarded) throw new VmChangedError(`virtual machine ${vmId} changed`);
      if (!begun) continue; // the VM changed since we read it: check again
      this.events.vm('UPDATED', begun.vm);
      this.events.task('CREATED', begun.task);
      this.dispatcher.dispatch(begun.task.id);
      return begun;
    }
    throw new InvalidStateError('the virtual machine kept changing while the request was handled; retry', { field: AT_ID });
  }
}
