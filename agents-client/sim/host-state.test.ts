import { VmState, type VmSpec, type WatchEventsResponse } from '../src/generated/limiquantix/agent/v1/agent';
import { EventBus } from './event-bus';
import { FleetStateSchema, type PersistedVm } from './fleet-state.schema';
import { captureHost, restoreHost, settleVm } from './host-state';
import { HypervisorCore } from './hypervisor-core';
import { LatencyModel } from './latency-model';
import { pollUntil } from './poll-until';
import { SeededRandom } from './seeded-random';
import { VmDevices } from './vm-devices';
import { VmLifecycle } from './vm-lifecycle';
import { VmMigration } from './vm-migration';

/** A host model; a large latencyScale keeps operations in progress for the whole test. */
function fakeHost({ memoryMib = 16_384, latencyScale = 0.01 } = {}) {
  const events: WatchEventsResponse[] = [];
  const bus = new EventBus('boot-1');
  bus.subscribe((event) => events.push(event));
  const core = new HypervisorCore(
    { hostId: 'host-1', hostname: 'hv-1', vcpus: 16, memoryMib },
    bus,
    new SeededRandom(1),
    new LatencyModel(new SeededRandom(2), latencyScale),
  );
  const completion = (operationId: string) =>
    events.flatMap((e) => (e.event?.$case === 'operation' && e.event.value.operationId === operationId ? [e.event.value] : []))[0];
  return {
    core,
    events,
    lifecycle: new VmLifecycle(core),
    devices: new VmDevices(core),
    migration: new VmMigration(core, () => undefined),
    settled: (operationId: string) => pollUntil(() => completion(operationId), `operation ${operationId} to complete`),
    stateOf: (vmId: string) => {
      const state = core.vms.get(vmId)?.state;
      return state === undefined ? 'gone' : VmState[state];
    },
  };
}

/** Saves `from` through JSON and the file schema, as a restart would, into a fresh host. */
function restart(from: ReturnType<typeof fakeHost>, options: Parameters<typeof fakeHost>[0] = {}) {
  const file = JSON.parse(JSON.stringify({ version: 1, hosts: { 'hv-1': { boots: 1, powerLost: false, ...captureHost(from.core) } } }));
  const saved = FleetStateSchema.parse(file).hosts['hv-1'];
  if (!saved) throw new Error('hv-1 was not saved');
  const to = fakeHost(options);
  restoreHost(to.core, saved);
  from.core.crash(); // the old process is gone: cancel its timers
  return to;
}

const spec = (vmId: string, memoryMib = 1_024): VmSpec => ({ vmId, name: `${vmId}-name`, vcpus: 2, memoryMib, disks: [], nics: [] });

const saved = (state: PersistedVm['state'], extra: Partial<PersistedVm> = {}): PersistedVm => ({
  spec: spec('vm-1'),
  state,
  error: '',
  snapshots: [],
  rules: [],
  load: 0.3,
  ...extra,
});

const busy = (kind: NonNullable<PersistedVm['inFlight']>['kind'], failure?: string) => ({
  inFlight: { operationId: 'op', kind, ...(failure ? { failure } : {}) },
});

describe('settleVm', () => {
  it.each<[string, PersistedVm, string]>([
    ['keeps a RUNNING VM running', saved('VM_STATE_RUNNING'), 'VM_STATE_RUNNING'],
    ['keeps a STOPPED VM stopped', saved('VM_STATE_STOPPED'), 'VM_STATE_STOPPED'],
    ['keeps a FAILED VM failed', saved('VM_STATE_FAILED', { error: 'disk lost' }), 'VM_STATE_FAILED'],
    ['finishes a start', saved('VM_STATE_STARTING', busy('StartVm')), 'VM_STATE_RUNNING'],
    ['finishes a stop', saved('VM_STATE_STOPPING', busy('StopVm')), 'VM_STATE_STOPPED'],
    ['finishes a reboot caught while stopping', saved('VM_STATE_STOPPING', busy('RebootVm')), 'VM_STATE_RUNNING'],
    ['finishes a create that was not to start', saved('VM_STATE_STOPPED', busy('CreateVm')), 'VM_STATE_STOPPED'],
    ['finishes a delete', saved('VM_STATE_DELETING', busy('DeleteVm')), 'gone'],
    ['fails a lifecycle operation armed with a failure', saved('VM_STATE_STOPPING', busy('StopVm', 'qemu hung')), 'VM_STATE_FAILED'],
    ['leaves the state of a device operation alone, failure or not', saved('VM_STATE_RUNNING', busy('CreateSnapshot', 'no space')), 'VM_STATE_RUNNING'],
    ['keeps the source of an unfinished migration running', saved('VM_STATE_MIGRATING', busy('SendMigration')), 'VM_STATE_RUNNING'],
    ['drops the target of an unfinished migration', saved('VM_STATE_MIGRATING', { incomingToken: 'token' }), 'gone'],
  ])('%s', (_behaviour, vm, expected) => {
    const settled = settleVm(vm);
    expect(settled === undefined ? 'gone' : VmState[settled.state]).toBe(expected);
  });

  it('keeps the error of a FAILED VM and the message of an injected failure', () => {
    expect(settleVm(saved('VM_STATE_FAILED', { error: 'disk lost' }))).toEqual({ state: VmState.VM_STATE_FAILED, error: 'disk lost' });
    expect(settleVm(saved('VM_STATE_STARTING', busy('StartVm', 'no kvm')))).toEqual({ state: VmState.VM_STATE_FAILED, error: 'no kvm' });
  });
});

describe('saving and restoring a host', () => {
  it('restores VMs with their spec, devices, snapshots, states and the memory they hold', async () => {
    const before = fakeHost();
    before.lifecycle.createVm('create-1', { ...spec('vm-1'), disks: [{ volumeId: 'root', sizeGib: 10, bootIndex: 0 }], image: 'debian-12' }, true);
    before.lifecycle.createVm('create-2', spec('vm-2', 2_048), false);
    await before.settled('create-1');
    await before.settled('create-2');
    before.devices.createSnapshot('snap', 'vm-1', 's-1', 'before upgrade');
    await before.settled('snap');
    before.devices.attachVolume('attach', 'vm-1', { volumeId: 'data', sizeGib: 5, bootIndex: undefined });
    await before.settled('attach');
    const nic = { networkId: 'net-1', macAddress: '52:54:00:00:00:01', securityGroupIds: ['sg-web'] };
    before.devices.configureNic('nic', 'vm-1', nic, [{ securityGroupId: 'sg-web', direction: 1, protocol: 2, portFrom: 443, portTo: 443, cidr: '' }]);
    await before.settled('nic');

    const after = restart(before);

    const statuses = (host: ReturnType<typeof fakeHost>) => [...host.core.vms.values()].map((vm) => host.core.status(vm));
    expect(statuses(after)).toEqual(statuses(before));
    expect(after.core.vm('vm-1').spec).toEqual(before.core.vm('vm-1').spec);
    expect(after.core.vm('vm-1').rules).toEqual(before.core.vm('vm-1').rules);
    expect(after.core.vm('vm-1').snapshots).toEqual(before.core.vm('vm-1').snapshots);
    expect(after.core.usedMemoryMib()).toBe(1_024);
    expect(after.core.usage(1_000)).toMatchObject({ vmCount: 2, runningVmCount: 1 });
    // The restored snapshot is usable: a revert brings back the disks it recorded.
    after.lifecycle.stopVm('stop', 'vm-1', true);
    await after.settled('stop');
    after.devices.revertSnapshot('revert', 'vm-1', 's-1');
    await after.settled('revert');
    expect(after.core.status(after.core.vm('vm-1')).volumeIds).toEqual(['root']);
  });

  it('refuses a start that does not fit beside the restored running VMs', async () => {
    const before = fakeHost({ memoryMib: 4_096 });
    before.lifecycle.createVm('create-1', spec('vm-1', 3_072), true);
    await before.settled('create-1');
    const after = restart(before, { memoryMib: 4_096 });
    expect(() => after.lifecycle.createVm('create-2', spec('vm-2', 2_048), true)).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }));
  });

  it('answers a repeated operation id with the first answer, refusals included, and refuses its reuse for another request', async () => {
    const before = fakeHost({ memoryMib: 2_048 });
    before.lifecycle.createVm('create-1', spec('vm-1', 2_048), true);
    await before.settled('create-1');
    expect(() => before.lifecycle.createVm('create-2', spec('vm-2'), true)).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }));

    const after = restart(before, { memoryMib: 2_048 });

    expect(after.lifecycle.createVm('create-1', spec('vm-1', 2_048), true)).toEqual({});
    expect(() => after.lifecycle.createVm('create-2', spec('vm-2'), true)).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }));
    expect(() => after.lifecycle.startVm('create-1', 'vm-1')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(after.events).toEqual([]);
    expect(after.core.vms.size).toBe(1);
  });

  it('remembers a lifecycle operation caught in progress as finished, so its retry changes nothing', async () => {
    const before = fakeHost();
    before.lifecycle.createVm('create', spec('vm-1'), true);
    await before.settled('create');
    const slow = restart(before, { latencyScale: 100 });
    slow.lifecycle.stopVm('stop', 'vm-1', false);
    expect(slow.stateOf('vm-1')).toBe('VM_STATE_STOPPING');

    const after = restart(slow);

    expect(after.stateOf('vm-1')).toBe('VM_STATE_STOPPED');
    after.lifecycle.stopVm('stop', 'vm-1', false);
    expect(after.events).toEqual([]);
    expect(after.core.vm('vm-1').busyWith).toBeUndefined();
  });

  it('forgets a device operation caught in progress, so its retry runs it again', async () => {
    const before = fakeHost();
    before.lifecycle.createVm('create', spec('vm-1'), false);
    await before.settled('create');
    const slow = restart(before, { latencyScale: 100 });
    slow.devices.createSnapshot('snap', 'vm-1', 's-1', 'nightly');

    const after = restart(slow);

    expect(after.core.vm('vm-1').snapshots.size).toBe(0);
    after.devices.createSnapshot('snap', 'vm-1', 's-1', 'nightly');
    expect((await after.settled('snap')).succeeded).toBe(true);
    expect([...after.core.vm('vm-1').snapshots.keys()]).toEqual(['s-1']);
  });

  it('drops an incoming migration and forgets the id that prepared it', () => {
    const before = fakeHost();
    before.migration.prepareMigration('prep', spec('vm-1'), 'host-9');
    expect(before.stateOf('vm-1')).toBe('VM_STATE_MIGRATING');

    const after = restart(before);

    expect(after.stateOf('vm-1')).toBe('gone');
    expect(after.core.usedMemoryMib()).toBe(0);
    expect(after.migration.prepareMigration('prep', spec('vm-1'), 'host-9').migrationToken).toMatch(/^[0-9a-f]{32}$/);
    expect(after.stateOf('vm-1')).toBe('VM_STATE_MIGRATING');
  });
});
