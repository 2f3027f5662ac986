// The reconciler's decisions for one VM, after KubeVirt's VM controller: compare what the
// database wants (desired) with what the VM's host reports (observed) and the task in flight,
// and say what to do. Pure: the controller loads the inputs and applies the actions.
import type { DesiredVmState, VmState } from './virtual-machine';
import { targetStateOf, type AgentReportedState, type VmTaskKind, type VmTaskParams } from './vm-task';

/** The VM as the database holds it. */
export interface DesiredVm {
  state: VmState;
  desiredState: DesiredVmState;
  /** The last task asked of the VM is its deletion (even if that task ended, e.g. timed out). */
  deletionRequested: boolean;
}

/** What the VM's host said about it; `unknown` when the host did not answer. */
export type ObservedVm =
  | { kind: 'present'; state: Exclude<AgentReportedState, 'DELETED'>; error: string | null }
  | { kind: 'absent' }
  | { kind: 'unknown' };

/** The VM's QUEUED or RUNNING task. */
export interface ActiveTaskView {
  id: string;
  kind: VmTaskKind;
  params: Pick<VmTaskParams, 'start' | 'fromState'>;
  createdAt: Date;
  startedAt: Date | null;
}

export interface PlanContext {
  now: Date;
  /** A task older than this (since it started, or was queued) fails. */
  taskTimeoutMs: number;
  /**
   * A listing shows a task done (its VM at the target state) only once the task is this old:
   * a younger listing may predate it (a reboot: RUNNING before and after), or catch it before
   * its end (a create without start is STOPPED while its disks are still provisioned).
   */
  settleGraceMs: number;
  /** The backoff after the last send of the task has elapsed. */
  sendDue: boolean;
  /** The backoff after the reconciler's last own start or stop of the VM has elapsed. */
  correctionDue: boolean;
}

export type TaskFailureCode = 'TIMEOUT' | 'OPERATION_FAILED' | 'VM_NOT_FOUND';

export type ReconcileAction =
  /** Send the task's operation to the agent again, with the task id as operation id. */
  | { kind: 'send-task'; taskId: string }
  /** The host shows the operation done: the task succeeds, the VM takes the observed state. */
  | { kind: 'succeed-task'; taskId: string; vmState: VmState }
  | { kind: 'fail-task'; taskId: string; code: TaskFailureCode; message: string; vmState: VmState }
  /** The VM is gone from its host as asked: remove the row, release its reservations. */
  | { kind: 'finalize-delete'; taskId: string | null }
  /** Record the state the host reports (no task explains the difference). */
  | { kind: 'observe'; state: VmState; reason: string | null }
  /** Start or stop the VM with a task of the reconciler's own, towards its desiredState. */
  | { kind: 'start-vm' }
  | { kind: 'stop-vm' };

export const NOT_ON_HOST = 'the VM is not on its host';

export function planActions(desired: DesiredVm, observed: ObservedVm, task: ActiveTaskView | null, ctx: PlanContext): ReconcileAction[] {
  return task ? planForTask(observed, task, ctx) : planWithoutTask(desired, observed, ctx);
}

function planForTask(observed: ObservedVm, task: ActiveTaskView, ctx: PlanContext): ReconcileAction[] {
  const age = ctx.now.getTime() - (task.startedAt ?? task.createdAt).getTime();
  const fail = (code: TaskFailureCode, message: string, vmState: VmState): ReconcileAction[] => [
    { kind: 'fail-task', taskId: task.id, code, message, vmState },
  ];

  if (observed.kind === 'absent') {
    // Policy: a delete whose VM is gone is done; a create whose VM is missing (never made, or
    // rolled back by an agent crash) is sent again; any other operation has nothing to act on.
    if (task.kind === 'VM_DELETE') return [{ kind: 'finalize-delete', taskId: task.id }];
    if (task.kind !== 'VM_CREATE') return fail('VM_NOT_FOUND', `${task.kind}: ${NOT_ON_HOST}`, 'FAILED');
  }
  if (observed.kind === 'present') {
    // Policy: the listing settles a task whose completion event was lost, when it shows the target.
    if (observed.state === targetStateOf(task.kind, task.params) && age >= ctx.settleGraceMs) {
      return [{ kind: 'succeed-task', taskId: task.id, vmState: observed.state }];
    }
    if (observed.state === 'FAILED' && task.params.fromState !== 'FAILED') {
      return fail('OPERATION_FAILED', observed.error || `${task.kind} failed on the host`, 'FAILED');
    }
  }
  if (age >= ctx.taskTimeoutMs) {
    // Policy: no task runs forever. The VM keeps what its host reports, or is FAILED when
    // nothing is known, so that it never stays in a state (DELETING...) no operation accepts.
    const why = observed.kind === 'unknown' ? ': its host does not answer' : '';
    const message = `${task.kind} did not finish within ${Math.round(ctx.taskTimeoutMs / 1000)} s${why}`;
    return fail('TIMEOUT', message, observed.kind === 'present' ? observed.state : 'FAILED');
  }
  // Policy: re-send with the same operation id (the agent runs it once) until done or timed out.
  return ctx.sendDue ? [{ kind: 'send-task', taskId: task.id }] : [];
}

function planWithoutTask(desired: DesiredVm, observed: ObservedVm, ctx: PlanContext): ReconcileAction[] {
  if (observed.kind === 'unknown') return [];
  if (observed.kind === 'absent') {
    // Policy: a VM whose deletion was asked is gone as asked; any other VM the host does not
    // know is lost, and shown FAILED (once) for an operator to delete or recreate.
    if (desired.deletionRequested) return [{ kind: 'finalize-delete', taskId: null }];
    if (desired.state === 'FAILED') return [];
    return [{ kind: 'observe', state: 'FAILED', reason: `${NOT_ON_HOST} (lost, or removed outside LimiQuantix)` }];
  }
  const actions: ReconcileAction[] = [];
  if (observed.state !== desired.state) {
    actions.push({ kind: 'observe', state: observed.state, reason: observed.state === 'FAILED' ? observed.error || 'failed on the host' : null });
  }
  // Policy: drive a settled VM towards its desiredState (a host that lost power, a guest shut
  // down from inside). FAILED VMs wait for an operator: restarting them could loop.
  if (ctx.correctionDue && desired.desiredState === 'RUNNING' && observed.state === 'STOPPED') actions.push({ kind: 'start-vm' });
  if (ctx.correctionDue && desired.desiredState === 'STOPPED' && observed.state === 'RUNNING') actions.push({ kind: 'stop-vm' });
  return actions;
}
