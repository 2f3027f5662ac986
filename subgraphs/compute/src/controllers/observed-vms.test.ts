import type { AgentEvent, AgentVmStatus } from '../../../../agents-client/src';
import { ObservedVms } from './observed-vms';

const status = (vmId: string, state: AgentVmStatus['state']): AgentVmStatus => ({ vmId, name: vmId, state, vcpus: 1, memoryMib: 512, volumeIds: [], snapshotIds: [], macAddresses: [] });
const event = (vmId: string, state: Extract<AgentEvent, { kind: 'vmState' }>['state'], error?: string): AgentEvent => ({
  kind: 'vmState', bootId: 'b', seq: 1, at: new Date(), vmId, state, ...(error ? { error } : {}),
});

describe('ObservedVms', () => {
  it('knows nothing of a host before its first listing or after its stream went down', () => {
    const observed = new ObservedVms();
    observed.apply('h1', event('a', 'RUNNING'));
    expect(observed.of('h1')).toBeNull();
    observed.replace('h1', [status('a', 'STOPPED')]);
    observed.forget('h1');
    expect(observed.of('h1')).toBeNull();
  });

  it('starts from the listing and moves forward with each state event', () => {
    const observed = new ObservedVms();
    observed.replace('h1', [status('a', 'STOPPED'), status('b', 'RUNNING')]);
    observed.apply('h1', event('a', 'STARTING'));
    observed.apply('h1', event('b', 'FAILED', 'panic'));
    observed.apply('h1', event('c', 'STOPPED'));
    observed.apply('h1', event('c', 'DELETED'));
    expect([...(observed.of('h1') ?? new Map()).entries()]).toEqual([
      ['a', { kind: 'present', state: 'STARTING', error: null }],
      ['b', { kind: 'present', state: 'FAILED', error: 'panic' }],
    ]);
  });
});
