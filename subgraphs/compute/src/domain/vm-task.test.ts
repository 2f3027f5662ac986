import { quotaShortfalls } from './quota';
import { backoffMs } from './backoff';
import { stepOnState, targetStateOf, vmTaskParamsOf, type AgentReportedState, type TaskStep, type VmTaskKind } from './vm-task';

describe('VM tasks', () => {
  const params = vmTaskParamsOf({ start: true, fromState: 'STOPPED', fromDesiredState: 'STOPPED', pendingState: 'STARTING' });

  it.each<[VmTaskKind, boolean, AgentReportedState]>([
    ['VM_CREATE', true, 'RUNNING'],
    ['VM_CREATE', false, 'STOPPED'],
    ['VM_START', true, 'RUNNING'],
    ['VM_STOP', true, 'STOPPED'],
    ['VM_REBOOT', true, 'RUNNING'],
    ['VM_DELETE', true, 'DELETED'],
  ])('%s (start %s) is done when the host reports %s', (kind, start, target) => {
    expect(targetStateOf(kind, { start })).toBe(target);
  });

  it.each<[VmTaskKind, AgentReportedState, TaskStep]>([
    ['VM_CREATE', 'STOPPED', { kind: 'progress', progress: 50 }],
    ['VM_CREATE', 'STARTING', { kind: 'progress', progress: 50 }],
    ['VM_CREATE', 'RUNNING', { kind: 'progress', progress: 90 }],
    ['VM_REBOOT', 'STOPPING', { kind: 'progress', progress: 50 }],
    ['VM_REBOOT', 'RUNNING', { kind: 'progress', progress: 90 }],
    ['VM_STOP', 'FAILED', { kind: 'fail', message: 'disk gone' }],
    ['VM_DELETE', 'DELETING', { kind: 'progress', progress: 50 }],
  ])('a %s task seeing its VM %s steps %j', (kind, state, step) => {
    expect(stepOnState({ kind, params }, state, 'disk gone')).toEqual(step);
  });

  it('reads stored parameters, defaulting what is missing or malformed', () => {
    expect(params).toEqual({ start: true, force: false, fromState: 'STOPPED', fromDesiredState: 'STOPPED', pendingState: 'STARTING' });
    expect(vmTaskParamsOf(null)).toEqual({ start: true, force: false, fromState: 'PENDING', fromDesiredState: 'RUNNING', pendingState: 'PENDING' });
    expect(vmTaskParamsOf({ start: false, force: true, fromState: 'BOGUS' })).toMatchObject({ start: false, force: true, fromState: 'PENDING' });
  });
});

describe('quota shortfalls', () => {
  const quota = { limits: { vcpus: 8, memoryMib: null, vms: 3 }, used: { vcpus: 6, memoryMib: 4096, vms: 3 } };

  it('names every limit a request would exceed, and ignores unlimited ones', () => {
    expect(quotaShortfalls(quota, { vcpus: 4, memoryMib: 1_000_000, vms: 1 })).toEqual([
      { resource: 'vcpus', limit: 8, used: 6, requested: 4, message: 'project quota exceeded for vcpus: 6 of 8 vCPU in use, 4 more requested' },
      { resource: 'vms', limit: 3, used: 3, requested: 1, message: 'project quota exceeded for vms: 3 of 3 VM in use, 1 more requested' },
    ]);
  });

  it('accepts a request that exactly reaches a limit', () => {
    expect(quotaShortfalls({ ...quota, used: { ...quota.used, vms: 2 } }, { vcpus: 2, memoryMib: 1, vms: 1 })).toEqual([]);
  });
});

describe('backoff', () => {
  it.each([
    [1, 100],
    [2, 200],
    [4, 800],
    [10, 5_000],
  ])('waits %i attempts -> %i ms, capped', (attempt, ms) => {
    expect(backoffMs(attempt, { initialMs: 100, maxMs: 5_000 })).toBe(ms);
  });
});
