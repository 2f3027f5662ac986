import { planActions, type ActiveTaskView, type DesiredVm, type ObservedVm, type PlanContext, type ReconcileAction } from './reconcile-plan';
import type { VmTaskKind } from './vm-task';
import type { VmState } from './virtual-machine';

const NOW = new Date('2026-01-01T00:10:00Z');
const ctx = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  now: NOW,
  taskTimeoutMs: 60_000,
  settleGraceMs: 5_000,
  sendDue: true,
  correctionDue: true,
  ...overrides,
});
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000);
const task = (kind: VmTaskKind, fromState: VmState, startedSecondsAgo = 1, start = true): ActiveTaskView => ({
  id: 't1',
  kind,
  params: { start, fromState },
  createdAt: secondsAgo(startedSecondsAgo + 1),
  startedAt: secondsAgo(startedSecondsAgo),
});
const present = (state: Extract<ObservedVm, { kind: 'present' }>['state'], error: string | null = null): ObservedVm => ({ kind: 'present', state, error });
const ABSENT: ObservedVm = { kind: 'absent' };
const UNKNOWN: ObservedVm = { kind: 'unknown' };
const vm = (state: VmState, desiredState: 'RUNNING' | 'STOPPED' = 'RUNNING', deletionRequested = false): DesiredVm => ({ state, desiredState, deletionRequested });

describe('planActions with a task in flight', () => {
  it.each<[string, DesiredVm, ObservedVm, ActiveTaskView, ReconcileAction[]]>([
    ['settles a create the host shows running', vm('PENDING'), present('RUNNING'), task('VM_CREATE', 'PENDING', 6), [{ kind: 'succeed-task', taskId: 't1', vmState: 'RUNNING' }]],
    ['settles a create without start the host shows stopped', vm('PENDING', 'STOPPED'), present('STOPPED'), task('VM_CREATE', 'PENDING', 6, false), [{ kind: 'succeed-task', taskId: 't1', vmState: 'STOPPED' }]],
    ['does not take a fresh create without start as done: its disks may still be provisioning', vm('PENDING', 'STOPPED'), present('STOPPED'), task('VM_CREATE', 'PENDING', 1, false), [{ kind: 'send-task', taskId: 't1' }]],
    ['re-sends a create still half-way (stopped, to be started)', vm('PENDING'), present('STOPPED'), task('VM_CREATE', 'PENDING'), [{ kind: 'send-task', taskId: 't1' }]],
    ['re-sends a create whose VM the host lost (agent crash)', vm('PENDING'), ABSENT, task('VM_CREATE', 'PENDING'), [{ kind: 'send-task', taskId: 't1' }]],
    ['re-sends to a host that does not answer, before the timeout', vm('STARTING'), UNKNOWN, task('VM_START', 'STOPPED'), [{ kind: 'send-task', taskId: 't1' }]],
    ['settles a start the host shows running', vm('STARTING'), present('RUNNING'), task('VM_START', 'STOPPED', 6), [{ kind: 'succeed-task', taskId: 't1', vmState: 'RUNNING' }]],
    ['settles a stop the host shows stopped', vm('STOPPING', 'STOPPED'), present('STOPPED'), task('VM_STOP', 'RUNNING', 6), [{ kind: 'succeed-task', taskId: 't1', vmState: 'STOPPED' }]],
    ['does not take a fresh reboot as done from a listing that may predate it', vm('RUNNING'), present('RUNNING'), task('VM_REBOOT', 'RUNNING', 1), [{ kind: 'send-task', taskId: 't1' }]],
    ['takes a reboot as done once the grace has passed', vm('RUNNING'), present('RUNNING'), task('VM_REBOOT', 'RUNNING', 6), [{ kind: 'succeed-task', taskId: 't1', vmState: 'RUNNING' }]],
    ['finalizes a delete whose VM is gone', vm('DELETING', 'STOPPED'), ABSENT, task('VM_DELETE', 'STOPPED'), [{ kind: 'finalize-delete', taskId: 't1' }]],
    ['fails a start whose VM the host does not know', vm('STARTING'), ABSENT, task('VM_START', 'STOPPED'), [{ kind: 'fail-task', taskId: 't1', code: 'VM_NOT_FOUND', message: 'VM_START: the VM is not on its host', vmState: 'FAILED' }]],
    ['fails a task whose VM the host shows FAILED', vm('STARTING'), present('FAILED', 'disk error'), task('VM_START', 'STOPPED'), [{ kind: 'fail-task', taskId: 't1', code: 'OPERATION_FAILED', message: 'disk error', vmState: 'FAILED' }]],
    ['does not fail a start of a FAILED VM from a listing showing it still FAILED', vm('STARTING'), present('FAILED'), task('VM_START', 'FAILED'), [{ kind: 'send-task', taskId: 't1' }]],
    ['times out a task, keeping the state the host reports', vm('STARTING'), present('STOPPED'), task('VM_START', 'STOPPED', 61), [{ kind: 'fail-task', taskId: 't1', code: 'TIMEOUT', message: 'VM_START did not finish within 60 s', vmState: 'STOPPED' }]],
    ['times out a task on a silent host, failing the VM', vm('DELETING', 'STOPPED'), UNKNOWN, task('VM_DELETE', 'RUNNING', 61), [{ kind: 'fail-task', taskId: 't1', code: 'TIMEOUT', message: 'VM_DELETE did not finish within 60 s: its host does not answer', vmState: 'FAILED' }]],
    ['still settles a late task the host shows done rather than timing it out', vm('STARTING'), present('RUNNING'), task('VM_START', 'STOPPED', 120), [{ kind: 'succeed-task', taskId: 't1', vmState: 'RUNNING' }]],
  ])('%s', (_, desired, observed, active, expected) => {
    expect(planActions(desired, observed, active, ctx())).toEqual(expected);
  });

  it('waits for the send backoff before re-sending', () => {
    expect(planActions(vm('STARTING'), UNKNOWN, task('VM_START', 'STOPPED'), ctx({ sendDue: false }))).toEqual([]);
  });

  it('counts a queued task from its creation', () => {
    const queued: ActiveTaskView = { ...task('VM_CREATE', 'PENDING'), createdAt: secondsAgo(61), startedAt: null };
    expect(planActions(vm('PENDING'), UNKNOWN, queued, ctx())[0]).toMatchObject({ kind: 'fail-task', code: 'TIMEOUT' });
  });
});

describe('planActions without a task', () => {
  it.each<[string, DesiredVm, ObservedVm, ReconcileAction[]]>([
    ['does nothing when host and database agree', vm('RUNNING'), present('RUNNING'), []],
    ['does nothing while the host does not answer', vm('RUNNING'), UNKNOWN, []],
    ['restarts a VM that should run but is stopped (power loss)', vm('STOPPED'), present('STOPPED'), [{ kind: 'start-vm' }]],
    ['records the stop the host reports, then restarts the VM', vm('RUNNING'), present('STOPPED'), [{ kind: 'observe', state: 'STOPPED', reason: null }, { kind: 'start-vm' }]],
    ['stops a VM that should be stopped but runs', vm('RUNNING', 'STOPPED'), present('RUNNING'), [{ kind: 'stop-vm' }]],
    ['records a failure with the agent reason and leaves it to an operator', vm('RUNNING'), present('FAILED', 'kernel panic'), [{ kind: 'observe', state: 'FAILED', reason: 'kernel panic' }]],
    ['marks a VM its host does not know as FAILED', vm('RUNNING'), ABSENT, [{ kind: 'observe', state: 'FAILED', reason: 'the VM is not on its host (lost, or removed outside LimiQuantix)' }]],
    ['leaves an already FAILED missing VM alone', vm('FAILED'), ABSENT, []],
    ['finalizes a VM whose deletion was asked (the task timed out) and that is now gone', vm('DELETING', 'STOPPED', true), ABSENT, [{ kind: 'finalize-delete', taskId: null }]],
    ['fails, rather than removes, a VM deleted on its host without being asked', vm('DELETING'), ABSENT, [{ kind: 'observe', state: 'FAILED', reason: 'the VM is not on its host (lost, or removed outside LimiQuantix)' }]],
  ])('%s', (_, desired, observed, expected) => {
    expect(planActions(desired, observed, null, ctx())).toEqual(expected);
  });

  it('waits for the correction backoff before starting a VM again', () => {
    expect(planActions(vm('STOPPED'), present('STOPPED'), null, ctx({ correctionDue: false }))).toEqual([]);
  });
});
