// The VM tasks: one per lifecycle operation an agent performs. The task id is the agent's
// operation id, so a task re-sent after a restart or a lost answer is the same operation to
// the agent. This file says what finishes each task; it is pure, the controllers apply it.
import type { Task } from './task';
import { VM_STATES, type DesiredVmState, type VmState } from './virtual-machine';
import type { VmOperation } from './vm-lifecycle';

export const VM_TASK_KINDS = ['VM_CREATE', 'VM_START', 'VM_STOP', 'VM_REBOOT', 'VM_DELETE'] as const;
export type VmTaskKind = (typeof VM_TASK_KINDS)[number];

export function isVmTaskKind(kind: string): kind is VmTaskKind {
  return (VM_TASK_KINDS as readonly string[]).includes(kind);
}

/** The task kind of each power operation the API starts. */
export const TASK_KIND_OF: Record<Extract<VmOperation, 'start' | 'stop' | 'reboot' | 'delete'>, VmTaskKind> = {
  start: 'VM_START',
  stop: 'VM_STOP',
  reboot: 'VM_REBOOT',
  delete: 'VM_DELETE',
};

/**
 * What a VM task needs so that any control plane can re-drive or settle it (stored in
 * tasks.params): the operation's options and the VM as it was when the task began, so a
 * refused operation can put the VM back.
 */
export interface VmTaskParams {
  /** VM_CREATE: start the VM once created. */
  start: boolean;
  /** VM_STOP: power off at once. VM_DELETE: delete even if running. */
  force: boolean;
  /** The VM's state and desiredState before the task. */
  fromState: VmState;
  fromDesiredState: DesiredVmState;
  /** The state the task put the VM in while it runs (STARTING, STOPPING, DELETING, or fromState). */
  pendingState: VmState;
}

/** A task acting on a VM, with its parameters. */
export interface VmTask extends Task {
  kind: VmTaskKind;
  params: VmTaskParams;
}

function vmStateOr(value: unknown, fallback: VmState): VmState {
  return typeof value === 'string' && (VM_STATES as readonly string[]).includes(value) ? (value as VmState) : fallback;
}

/** The parameters from the JSON column; anything missing or malformed falls back to a safe default. */
export function vmTaskParamsOf(json: unknown): VmTaskParams {
  const p = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const fromState = vmStateOr(p.fromState, 'PENDING');
  const fromDesired = p.fromDesiredState === 'STOPPED' ? 'STOPPED' : 'RUNNING';
  return {
    start: p.start !== false,
    force: p.force === true,
    fromState,
    fromDesiredState: fromDesired,
    pendingState: vmStateOr(p.pendingState, fromState),
  };
}

/** The VM states an agent reports; DELETED only on events, when the VM is gone. */
export type AgentReportedState = 'STOPPED' | 'STARTING' | 'RUNNING' | 'STOPPING' | 'MIGRATING' | 'FAILED' | 'DELETING' | 'DELETED';

/** The state at which the task's operation is done. */
export function targetStateOf(kind: VmTaskKind, params: Pick<VmTaskParams, 'start'>): AgentReportedState {
  switch (kind) {
    case 'VM_CREATE':
      return params.start ? 'RUNNING' : 'STOPPED';
    case 'VM_START':
    case 'VM_REBOOT':
      return 'RUNNING';
    case 'VM_STOP':
      return 'STOPPED';
    case 'VM_DELETE':
      return 'DELETED';
  }
}

/**
 * Progress of a task: 0 queued, 10 sent to the agent, 50 under way on the host, 90 at its
 * target state (the agent still has to report the operation complete), 100 done.
 */
export const PROGRESS = { queued: 0, sent: 10, underWay: 50, atTarget: 90, done: 100 } as const;

export type TaskStep = { kind: 'progress'; progress: number } | { kind: 'fail'; message: string };

/**
 * Policy: a state the agent reports for the task's own operation fails the task when it is
 * FAILED, and otherwise shows it under way, or at its target. Reaching the target state is
 * not the end: the agent's `operation` event is (a create without start reports STOPPED
 * first, then provisions its disks, and a crash meanwhile undoes it). A reboot passes
 * through STOPPING and STARTING, so its first RUNNING is its target.
 */
export function stepOnState(task: Pick<VmTask, 'kind' | 'params'>, state: AgentReportedState, error?: string): TaskStep {
  if (state === 'FAILED') return { kind: 'fail', message: error || `${task.kind} failed on the host` };
  return { kind: 'progress', progress: state === targetStateOf(task.kind, task.params) ? PROGRESS.atTarget : PROGRESS.underWay };
}

/** The VM state an agent state stands for; null for DELETED (the row goes). */
export function vmStateOf(state: AgentReportedState): VmState | null {
  return state === 'DELETED' ? null : state;
}
