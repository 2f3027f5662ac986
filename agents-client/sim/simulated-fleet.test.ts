// A fleet with a state file, restarted the way `npm start` restarts the embedded
// mode: stop() in one fleet, a new fleet with the same seed and file. Driven over
// real gRPC, as the control plane drives it.
// Regression: demo hosts came back empty after a restart, so the control plane marked
// every VM FAILED ("not on its host").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentClient, AgentConnector, AgentEvent, AgentVmSpec } from '../src/agent-client';
import { createAgentConnector } from '../src/grpc/agent-connector';
import { createEphemeralPki, type ClusterPki } from '../src/tls/cluster-pki';
import { pollUntil } from './poll-until';
import { startSimulatedFleet, type SimHost, type SimulatedFleet, type SimulatedFleetOptions } from './simulated-fleet';

const spec = (vmId: string, memoryMib: number): AgentVmSpec => ({
  vmId,
  name: `${vmId}-name`,
  vcpus: 2,
  memoryMib,
  disks: [{ volumeId: `${vmId}-root`, sizeGib: 20, bootIndex: 0 }],
  nics: [{ networkId: 'net-1', macAddress: '52:54:00:00:00:01', securityGroupIds: [] }],
});

function hostOf(fleet: SimulatedFleet, index: number): SimHost {
  const host = fleet.hosts[index];
  if (!host) throw new Error(`no host ${index}`);
  return host;
}

function savedVmIds(statePath: string, hostname: string): string[] {
  const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { hosts: Record<string, { vms: { spec: { vmId: string } }[] }> };
  return saved.hosts[hostname]?.vms.map((vm) => vm.spec.vmId) ?? [];
}

/** Follows a host's events; `done(id)` waits for an operation's outcome. */
function follow(client: AgentClient) {
  const events: AgentEvent[] = [];
  const watch = client.watchEvents(
    (event) => events.push(event),
    () => undefined,
  );
  const done = (operationId: string) =>
    pollUntil(() => events.find((event) => event.kind === 'operation' && event.operationId === operationId), `operation ${operationId}`);
  return { events, done, close: () => watch.close() };
}

describe('a simulated fleet with a state file', () => {
  let pki: ClusterPki;
  let dir: string;
  let statePath: string;
  let warnings: string[];
  let connector: AgentConnector;
  const running: SimulatedFleet[] = [];

  const start = async (extra: Partial<SimulatedFleetOptions> = {}) => {
    const fleet = await startSimulatedFleet({
      count: 2,
      seed: 7,
      pki,
      // Slow enough that a stop is still in progress when the fleet stops right after it.
      latencyScale: 0.5,
      heartbeatMs: 50,
      capacity: { vcpus: [8], memoryMib: [8_192] },
      statePath,
      stateWriteDelayMs: 10,
      logger: { warn: (message) => warnings.push(message) },
      ...extra,
    });
    running.push(fleet);
    return fleet;
  };

  beforeAll(() => {
    pki = createEphemeralPki();
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lq-sim-fleet-'));
    statePath = join(dir, 'demo-fleet.json');
    warnings = [];
    connector = createAgentConnector({ tls: pki.controlPlane, deadlineMs: 1_000, retry: { maxAttempts: 2, initialMs: 20, maxMs: 50 } });
  });

  afterEach(() => {
    connector.close();
    for (const fleet of running.splice(0)) fleet.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('brings back its VMs after a restart: running ones running, a stopping one stopped, a deleted one gone', async () => {
    const before = await start();
    const client = connector.connect(hostOf(before, 0).address);
    const watch = follow(client);
    await client.createVm('op-run', spec('vm-run', 3_072), true);
    await client.createVm('op-stop', spec('vm-stop', 2_048), true);
    await client.createVm('op-del', spec('vm-del', 1_024), false);
    await Promise.all(['op-run', 'op-stop', 'op-del'].map(watch.done));
    await client.createSnapshot('op-snap', 'vm-run', 'snap-1', 'first');
    await client.deleteVm('op-delete', 'vm-del');
    await Promise.all(['op-snap', 'op-delete'].map(watch.done));
    await pollUntil(() => savedVmIds(statePath, 'sim-host-0001').join() === 'vm-run,vm-stop', 'the deletion to be written without a stop');
    await client.stopVm('op-stopping', 'vm-stop', false);
    expect(hostOf(before, 0).vms().map((vm) => [vm.vmId, vm.state])).toEqual([['vm-run', 'RUNNING'], ['vm-stop', 'STOPPING']]);
    watch.close();
    const bootBefore = hostOf(before, 0).bootId;
    before.stop();

    const after = await start();

    const host = hostOf(after, 0);
    expect(host.bootId).not.toBe(bootBefore); // a new agent process, on a hypervisor that kept running
    const restored = await connector.connect(host.address).listVms();
    expect(restored).toEqual([
      expect.objectContaining({ vmId: 'vm-run', name: 'vm-run-name', state: 'RUNNING', memoryMib: 3_072, volumeIds: ['vm-run-root'], snapshotIds: ['snap-1'] }),
      expect.objectContaining({ vmId: 'vm-stop', state: 'STOPPED', macAddresses: ['52:54:00:00:00:01'] }),
    ]);
    expect(hostOf(after, 1).vms()).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('counts restored VMs in capacity and heartbeats, and recognises their operation ids', async () => {
    const before = await start();
    const client = connector.connect(hostOf(before, 0).address);
    const watch = follow(client);
    await client.createVm('op-run', spec('vm-run', 6_144), true);
    await watch.done('op-run');
    watch.close();
    before.stop();

    const after = await start();
    const restarted = connector.connect(hostOf(after, 0).address);
    const events = follow(restarted);

    const beat = await pollUntil(() => events.events.find((event) => event.kind === 'heartbeat'), 'a heartbeat');
    expect(beat).toMatchObject({ vmCount: 1, runningVmCount: 1 });
    expect(beat.kind === 'heartbeat' && beat.memoryPercent).toBeGreaterThan(75); // 6 of 8 GiB, plus overhead
    await expect(restarted.createVm('op-big', spec('vm-big', 4_096), true)).rejects.toMatchObject({ code: 'NO_CAPACITY' });
    // The same operation id again: the same operation, already done; nothing is created twice.
    await expect(restarted.createVm('op-run', spec('vm-run', 6_144), true)).resolves.toBeUndefined();
    await expect(restarted.startVm('op-run', 'vm-run')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(hostOf(after, 0).vms()).toEqual([expect.objectContaining({ vmId: 'vm-run', state: 'RUNNING' })]);
    expect(events.events.filter((event) => event.kind === 'vmState')).toEqual([]);
    events.close();
  });

  it('keeps guests off after a crash with power loss, restarted or not when the fleet stopped', async () => {
    const before = await start();
    for (const index of [0, 1]) {
      const client = connector.connect(hostOf(before, index).address);
      const watch = follow(client);
      await client.createVm(`op-${index}`, spec(`vm-${index}`, 1_024), true);
      await watch.done(`op-${index}`);
      watch.close();
    }
    hostOf(before, 0).crash({ powerLoss: true });
    await hostOf(before, 0).restart();
    expect(hostOf(before, 0).vms()).toEqual([expect.objectContaining({ state: 'STOPPED' })]);
    before.flush();
    const saved = JSON.parse(readFileSync(statePath, 'utf8')) as { hosts: Record<string, { vms: { state: string }[] }> };
    expect(saved.hosts['sim-host-0001']?.vms.map((vm) => vm.state)).toEqual(['VM_STATE_STOPPED']);
    hostOf(before, 1).crash({ powerLoss: true });
    before.stop();

    const after = await start();

    expect([0, 1].map((index) => hostOf(after, index).vms().map((vm) => vm.state))).toEqual([['STOPPED'], ['STOPPED']]);
  });

  it('keeps the VMs of hosts that a smaller fleet does not have', async () => {
    const before = await start();
    const client = connector.connect(hostOf(before, 1).address);
    const watch = follow(client);
    await client.createVm('op-1', spec('vm-1', 1_024), true);
    await watch.done('op-1');
    watch.close();
    before.stop();

    (await start({ count: 1 })).stop();
    const after = await start();

    expect(hostOf(after, 1).vms()).toEqual([expect.objectContaining({ vmId: 'vm-1', state: 'RUNNING' })]);
  });

  it('starts empty with one warning when the state file is corrupt', async () => {
    writeFileSync(statePath, '{"version": 1, "hosts": {"sim-host-0001": ');
    const fleet = await start();
    expect(fleet.hosts.flatMap((host) => host.vms())).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining(statePath)]);
  });
});
