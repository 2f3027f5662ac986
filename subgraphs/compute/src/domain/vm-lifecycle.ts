// The VM state machine as the API enforces it: which operation a caller may start in which
// state, and what the VM's desiredState and state become when it does. Pure: it returns a
// result and the service turns a refusal into an InvalidStateError (INVALID_STATE).
import type { DesiredVmState, VmState } from './virtual-machine';

export const VM_OPERATIONS = ['start', 'stop', 'reboot', 'delete', 'migrate', 'update-spec'] as const;
/** update-spec means a change of vcpus, memory or image: the hypervisor applies it cold. */
export type VmOperation = (typeof VM_OPERATIONS)[number];

/** `force`: allowed only when the caller asked for force (power off, delete while running). */
type Rule = 'allowed' | 'force';

/**
 * Policy per state. Transitional states (STARTING, STOPPING) accept only what can safely
 * overtake the operation in flight; MIGRATING and DELETING accept nothing until the agent
 * settles them. A FAILED VM can be retried (start), settled (stop), moved away or removed.
 */
const RULES: Record<VmState, Partial<Record<VmOperation, Rule>>> = {
  PENDING: { stop: 'allowed', delete: 'allowed' },
  STOPPED: { start: 'allowed', delete: 'allowed', migrate: 'allowed', 'update-spec': 'allowed' },
  STARTING: { stop: 'allowed', delete: 'force' },
  RUNNING: { stop: 'allowed', reboot: 'allowed', migrate: 'allowed', delete: 'force' },
  STOPPING: { stop: 'force', delete: 'force' },
  MIGRATING: {},
  FAILED: { start: 'allowed', stop: 'allowed', delete: 'allowed', migrate: 'allowed' },
  DELETING: {},
};

/** What an allowed operation does to the VM row at once (null: left as it is). */
export interface OperationEffect {
  /** The new desiredState: what the reconciler drives the VM towards. */
  desiredState: DesiredVmState | null;
  /** The state the VM shows while the operation runs. */
  state: VmState | null;
}

export type OperationCheck = ({ ok: true } & OperationEffect) | { ok: false; message: string };

export interface OperationOptions {
  /** The caller asked to power off at once / delete even if running. Default false. */
  force?: boolean;
}

const VERB: Record<VmOperation, string> = {
  start: 'start',
  stop: 'stop',
  reboot: 'reboot',
  delete: 'delete',
  migrate: 'migrate',
  'update-spec': 'change the spec of',
};

function effectOf(state: VmState, op: VmOperation): OperationEffect {
  switch (op) {
    case 'start':
      return { desiredState: 'RUNNING', state: 'STARTING' };
    case 'stop':
      // A PENDING VM is not created yet: it stays PENDING and is created stopped. A forced
      // stop of a STOPPING VM escalates the shutdown already under way.
      return { desiredState: 'STOPPED', state: state === 'PENDING' || state === 'STOPPING' ? null : 'STOPPING' };
    case 'reboot':
      return { desiredState: 'RUNNING', state: null };
    case 'delete':
      return { desiredState: 'STOPPED', state: 'DELETING' };
    case 'migrate':
      return { desiredState: null, state: 'MIGRATING' };
    case 'update-spec':
      return { desiredState: null, state: null };
  }
}

/** Whether `op` may start on a VM in `state`, and its effect when it may. */
export function checkOperation(state: VmState, op: VmOperation, options: OperationOptions = {}): OperationCheck {
  const rule = RULES[state][op];
  if (!rule) {
    const hint = op === 'update-spec' ? ': stop it first' : '';
    return { ok: false, message: `cannot ${VERB[op]} a VM that is ${state}${hint}` };
  }
  if (rule === 'force' && !options.force) {
    return { ok: false, message: `cannot ${VERB[op]} a VM that is ${state} without force` };
  }
  return { ok: true, ...effectOf(state, op) };
}

/** The operations `checkOperation` accepts in `state`, in VM_OPERATIONS order. */
export function allowedOperations(state: VmState, options: OperationOptions = {}): VmOperation[] {
  return VM_OPERATIONS.filter((op) => checkOperation(state, op, options).ok);
}
