import { VmState, type VmSpec, type WatchEventsResponse } from '../src/generated/limiquantix/agent/v1/agent';
import { EventBus } from './event-bus';
import { HypervisorCore } from './hypervisor-core';
import { LatencyModel } from './latency-model';
import { pollUntil } from './poll-until';
import { SeededRandom } from './seeded-random';
import { VmDevices } from './vm-devices';
import { VmLifecycle } from './vm-lifecycle';
import { VmMigration, type MigrationNetwork } from './vm-migration';

function fakeHost({ memoryMib = 16_384, network = (() => undefined) as MigrationNetwork } = {}) {
  const events: WatchEventsResponse[] = [];
  const bus = new EventBus('boot-1');
  bus.subscribe((event) => events.push(event));
  const core = new HypervisorCore(
    { hostId: 'host-1', hostname: 'hv-1', vcpus: 16, memoryMib },
    bus,
    new SeededRandom(1),
    new LatencyModel(new SeededRandom(2), 0.01),
  );
  const host = { core, events, lifecycle: new VmLifecycle(core), devices: new VmDevices(core), migration: new VmMigration(core, network) };
  const stateOf = (vmId: string) => core.vms.get(vmId)?.state;
  const statesOf = (vmId: string) =>
    events.flatMap((e) => (e.event?.$case === 'vmState' && e.event.value.vmId === vmId ? [VmState[e.event.value.state]] : []));
  const completion = (operationId: string) =>
    events.flatMap((e) => (e.event?.$case === 'operation' && e.event.value.operationId === operationId ? [e.event.value] : []))[0];
  const settled = (operationId: string) => pollUntil(() => completion(operationId), `operation ${operationId} to complete`);
  return { ...host, stateOf, statesOf, completion, settled };
}

const spec = (vmId: string, memoryMib = 1_024): VmSpec => ({ vmId, name: vmId, vcpus: 2, memoryMib, disks: [], nics: [] });

async function runningVm(host: ReturnType<typeof fakeHost>, vmId = 'vm-1') {
  host.lifecycle.createVm(`create-${vmId}`, spec(vmId), true);
  await host.settled(`create-${vmId}`);
  return vmId;
}

describe('simulated VM lifecycle', () => {
  it('creates and starts a VM through STOPPED, STARTING and RUNNING with growing sequence numbers', async () => {
    const host = fakeHost();
    host.lifecycle.createVm('op-1', spec('vm-1'), true);
    expect((await host.settled('op-1')).succeeded).toBe(true);
    expect(host.statesOf('vm-1')).toEqual(['VM_STATE_STOPPED', 'VM_STATE_STARTING', 'VM_STATE_RUNNING']);
    expect(host.events.map((e) => e.sequence)).toEqual(host.events.map((_, index) => index + 1));
  });

  it('answers a repeated operation id with the first result and does not create twice', async () => {
    const host = fakeHost();
    host.lifecycle.createVm('op-1', spec('vm-1'), true);
    host.lifecycle.createVm('op-1', spec('vm-1'), true);
    await host.settled('op-1');
    host.lifecycle.createVm('op-1', spec('vm-1'), true);
    expect(host.statesOf('vm-1')).toHaveLength(3);
    expect(host.core.vms.size).toBe(1);
  });

  it('refuses an operation id reused for a different request', () => {
    const host = fakeHost();
    host.lifecycle.createVm('op-1', spec('vm-1'), false);
    expect(() => host.lifecycle.startVm('op-1', 'vm-1')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('repeats a refusal for the same operation id even after the cause is gone', async () => {
    const host = fakeHost({ memoryMib: 1_024 });
    await runningVm(host, 'vm-big');
    const start = () => host.lifecycle.createVm('op-2', spec('vm-2'), true);
    expect(start).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }));
    host.lifecycle.stopVm('stop-big', 'vm-big', true);
    await host.settled('stop-big');
    expect(start).toThrow(expect.objectContaining({ code: 'RESOURCE_EXHAUSTED' }));
  });

  it.each([
    ['start a running VM', 'FAILED_PRECONDITION', (h: ReturnType<typeof fakeHost>) => h.lifecycle.startVm('x', 'vm-1')],
    ['create an existing VM', 'ALREADY_EXISTS', (h: ReturnType<typeof fakeHost>) => h.lifecycle.createVm('x', spec('vm-1'), false)],
    ['stop an unknown VM', 'NOT_FOUND', (h: ReturnType<typeof fakeHost>) => h.lifecycle.stopVm('x', 'vm-9', false)],
    ['revert a running VM', 'FAILED_PRECONDITION', (h: ReturnType<typeof fakeHost>) => h.devices.revertSnapshot('x', 'vm-1', 's')],
    ['create a VM without memory', 'INVALID_ARGUMENT', (h: ReturnType<typeof fakeHost>) => h.lifecycle.createVm('x', spec('vm-2', 0), false)],
  ])('refuses to %s with %s', async (_action, code, act) => {
    const host = fakeHost();
    await runningVm(host);
    expect(() => act(host)).toThrow(expect.objectContaining({ code }));
  });

  it('refuses a second operation while one is in progress on the VM', async () => {
    const host = fakeHost();
    await runningVm(host);
    host.lifecycle.stopVm('stop', 'vm-1', false);
    expect(() => host.lifecycle.rebootVm('reboot', 'vm-1')).toThrow(/busy with operation stop/);
  });

  it('stops, reboots and deletes, ending with DELETED and the VM gone', async () => {
    const host = fakeHost();
    await runningVm(host);
    host.lifecycle.rebootVm('reboot', 'vm-1');
    await host.settled('reboot');
    host.lifecycle.stopVm('stop', 'vm-1', false);
    await host.settled('stop');
    host.lifecycle.deleteVm('delete', 'vm-1');
    await host.settled('delete');
    expect(host.statesOf('vm-1').slice(3)).toEqual([
      'VM_STATE_STOPPING', 'VM_STATE_STARTING', 'VM_STATE_RUNNING', // reboot
      'VM_STATE_STOPPING', 'VM_STATE_STOPPED', // stop
      'VM_STATE_DELETING', 'VM_STATE_DELETED', // delete
    ]);
    expect(host.core.vms.has('vm-1')).toBe(false);
  });

  it('leaves the VM FAILED with the message when a failure is injected into a lifecycle operation', async () => {
    const host = fakeHost();
    await runningVm(host);
    host.core.injectFault({ operation: 'StopVm', message: 'qemu did not respond', mode: 'fail' });
    host.lifecycle.stopVm('stop', 'vm-1', false);
    expect(await host.settled('stop')).toMatchObject({ succeeded: false, error: 'qemu did not respond' });
    expect(host.stateOf('vm-1')).toBe(VmState.VM_STATE_FAILED);
    expect(host.core.status(host.core.vm('vm-1')).error).toBe('qemu did not respond');
  });

  it('keeps a fault aimed at StartVm armed through other operations, then rejects the start', async () => {
    const host = fakeHost();
    host.core.injectFault({ operation: 'StartVm', message: 'nope', mode: 'reject' });
    host.lifecycle.createVm('create', spec('vm-1'), false);
    await host.settled('create');
    expect(() => host.lifecycle.startVm('start', 'vm-1')).toThrow(expect.objectContaining({ code: 'ABORTED', message: 'nope' }));
    expect(host.stateOf('vm-1')).toBe(VmState.VM_STATE_STOPPED);
  });

  it('rolls back work in progress on a crash and forgets its operation id, so a retry runs it again', async () => {
    const host = fakeHost();
    host.lifecycle.createVm('create', spec('vm-1'), false);
    await host.settled('create');
    host.lifecycle.startVm('start', 'vm-1');
    host.core.crash();
    expect(host.stateOf('vm-1')).toBe(VmState.VM_STATE_STOPPED);
    host.lifecycle.startVm('start', 'vm-1');
    await pollUntil(() => host.stateOf('vm-1') === VmState.VM_STATE_RUNNING, 'the retried start');
  });

  it('turns every guest off after a power loss', async () => {
    const host = fakeHost();
    await runningVm(host);
    host.core.powerLoss();
    expect(host.stateOf('vm-1')).toBe(VmState.VM_STATE_STOPPED);
  });

  it('derives usage from the running VMs', async () => {
    const host = fakeHost({ memoryMib: 8_192 });
    const idle = host.core.usage(1_000);
    await runningVm(host, 'vm-1');
    const busy = host.core.usage(1_000);
    expect(busy.runningVmCount).toBe(1);
    const added = busy.memoryPercent - idle.memoryPercent; // 1 GiB of 8 GiB is 12.5 %, plus noise
    expect(added).toBeGreaterThan(11.5);
    expect(added).toBeLessThan(13.5);
    expect(busy.cpuPercent).toBeGreaterThan(idle.cpuPercent);
  });
});

describe('simulated devices and migration', () => {
  it('snapshots, reverts and deletes a snapshot', async () => {
    const host = fakeHost();
    host.lifecycle.createVm('create', { ...spec('vm-1'), disks: [{ volumeId: 'root', sizeGib: 10, bootIndex: 0 }] }, false);
    await host.settled('create');
    host.devices.createSnapshot('snap', 'vm-1', 's-1', 'before upgrade');
    await host.settled('snap');
    host.devices.attachVolume('attach', 'vm-1', { volumeId: 'data', sizeGib: 5, bootIndex: undefined });
    await host.settled('attach');
    host.devices.revertSnapshot('revert', 'vm-1', 's-1');
    await host.settled('revert');
    expect(host.core.status(host.core.vm('vm-1'))).toMatchObject({ volumeIds: ['root'], snapshotIds: ['s-1'] });
    host.devices.deleteSnapshot('drop', 'vm-1', 's-1');
    await host.settled('drop');
    expect(host.core.status(host.core.vm('vm-1')).snapshotIds).toEqual([]);
  });

  it('moves a VM to the prepared target: DELETED at the source, RUNNING at the target', async () => {
    const target = fakeHost();
    const source = fakeHost({ network: (address) => (address === 'target:1' ? target.migration : undefined) });
    await runningVm(source);
    const { migrationToken = '' } = target.migration.prepareMigration('prep', spec('vm-1'), 'host-1');
    source.migration.sendMigration('send', 'vm-1', 'target:1', migrationToken);
    expect((await source.settled('send')).succeeded).toBe(true);
    expect(source.core.vms.has('vm-1')).toBe(false);
    expect(target.stateOf('vm-1')).toBe(VmState.VM_STATE_RUNNING);
  });

  it('keeps the VM running at the source when the target is unreachable', async () => {
    const source = fakeHost();
    await runningVm(source);
    source.migration.sendMigration('send', 'vm-1', 'nowhere:1', 'token');
    expect(await source.settled('send')).toMatchObject({ succeeded: false, error: expect.stringMatching(/unreachable/) });
    expect(source.stateOf('vm-1')).toBe(VmState.VM_STATE_RUNNING);
  });
});
