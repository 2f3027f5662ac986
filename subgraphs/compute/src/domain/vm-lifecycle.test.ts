import { allowedOperations, checkOperation, VM_OPERATIONS, type VmOperation } from './vm-lifecycle';
import { VM_STATES, type VmState } from './virtual-machine';

describe('VM lifecycle', () => {
  // The whole policy in one table: what each state accepts without force, and with it.
  it.each<[VmState, VmOperation[], VmOperation[]]>([
    ['PENDING', ['stop', 'delete'], ['stop', 'delete']],
    ['STOPPED', ['start', 'delete', 'migrate', 'update-spec'], ['start', 'delete', 'migrate', 'update-spec']],
    ['STARTING', ['stop'], ['stop', 'delete']],
    ['RUNNING', ['stop', 'reboot', 'migrate'], ['stop', 'reboot', 'delete', 'migrate']],
    ['STOPPING', [], ['stop', 'delete']],
    ['MIGRATING', [], []],
    ['FAILED', ['start', 'stop', 'delete', 'migrate'], ['start', 'stop', 'delete', 'migrate']],
    ['DELETING', [], []],
  ])('a %s VM allows %j, and %j with force', (state, plain, forced) => {
    expect(allowedOperations(state)).toEqual(plain);
    expect(allowedOperations(state, { force: true })).toEqual(forced);
  });

  it('covers every state in the table above', () => {
    expect(VM_STATES).toHaveLength(8);
  });

  it.each<[VmState, VmOperation, string]>([
    ['RUNNING', 'start', 'cannot start a VM that is RUNNING'],
    ['STOPPED', 'stop', 'cannot stop a VM that is STOPPED'],
    ['STOPPED', 'reboot', 'cannot reboot a VM that is STOPPED'],
    ['MIGRATING', 'migrate', 'cannot migrate a VM that is MIGRATING'],
    ['DELETING', 'delete', 'cannot delete a VM that is DELETING'],
    ['RUNNING', 'update-spec', 'cannot change the spec of a VM that is RUNNING: stop it first'],
    ['RUNNING', 'delete', 'cannot delete a VM that is RUNNING without force'],
    ['STOPPING', 'stop', 'cannot stop a VM that is STOPPING without force'],
  ])('refuses to act on a %s VM with %s, saying why', (state, op, message) => {
    expect(checkOperation(state, op)).toEqual({ ok: false, message });
  });

  it.each<[VmState, VmOperation, boolean, string | null, string | null]>([
    ['STOPPED', 'start', false, 'RUNNING', 'STARTING'],
    ['FAILED', 'start', false, 'RUNNING', 'STARTING'],
    ['RUNNING', 'stop', false, 'STOPPED', 'STOPPING'],
    ['STARTING', 'stop', false, 'STOPPED', 'STOPPING'],
    ['PENDING', 'stop', false, 'STOPPED', null],
    ['STOPPING', 'stop', true, 'STOPPED', null],
    ['RUNNING', 'reboot', false, 'RUNNING', null],
    ['RUNNING', 'delete', true, 'STOPPED', 'DELETING'],
    ['STOPPED', 'delete', false, 'STOPPED', 'DELETING'],
    ['RUNNING', 'migrate', false, null, 'MIGRATING'],
    ['STOPPED', 'update-spec', false, null, null],
  ])('on a %s VM, %s (force %s) sets desiredState %s and state %s', (state, op, force, desiredState, next) => {
    expect(checkOperation(state, op, { force })).toEqual({ ok: true, desiredState, state: next });
  });

  it('never sets a desired state other than RUNNING or STOPPED', () => {
    for (const state of VM_STATES) {
      for (const op of VM_OPERATIONS) {
        const check = checkOperation(state, op, { force: true });
        if (check.ok && check.desiredState !== null) expect(['RUNNING', 'STOPPED']).toContain(check.desiredState);
      }
    }
  });
});
