// The client against simulated agents over real gRPC and mutual TLS. Each test
// uses its own host of one shared fleet, so tests cannot disturb each other.
import { startSimulatedFleet, type SimHost, type SimulatedFleet } from '../../sim';
import { pollUntil } from '../../sim/poll-until';
import type { AgentClient, AgentConnector, AgentEvent, AgentResyncPoint, AgentVmSpec, AgentVmStatus } from '../agent-client';
import { AgentCallError, AgentUnavailableError } from '../agent.errors';
import { createEphemeralPki, type ClusterPki } from '../tls/cluster-pki';
import { createAgentConnector, type AgentConnectorOptions } from './agent-connector';

const fast: Omit<AgentConnectorOptions, 'tls'> = {
  deadlineMs: 1_000,
  retry: { maxAttempts: 3, initialMs: 20, maxMs: 100 },
  breaker: { failureThreshold: 3, cooldownMs: 300 },
  streamBackoff: { initialMs: 30, maxMs: 200 },
  channelBackoff: { initialMs: 30, maxMs: 200 },
};

const vmSpec = (vmId: string): AgentVmSpec => ({
  vmId,
  name: `${vmId}-name`,
  vcpus: 2,
  memoryMib: 2_048,
  image: 'ubuntu-24.04',
  disks: [{ volumeId: `${vmId}-root`, sizeGib: 20, bootIndex: 0 }],
  nics: [{ networkId: 'net-1', macAddress: '52:54:00:00:00:01', securityGroupIds: ['sg-web'] }],
});

interface Recording {
  events: AgentEvent[];
  resyncs: { vms: AgentVmStatus[]; point: AgentResyncPoint }[];
  close(): void;
}

function record(client: AgentClient): Recording {
  const events: AgentEvent[] = [];
  const resyncs: Recording['resyncs'] = [];
  const watch = client.watchEvents(
    (event) => events.push(event),
    (vms, point) => resyncs.push({ vms, point }),
  );
  return { events, resyncs, close: () => watch.close() };
}

const statesOf = (events: AgentEvent[], vmId: string) =>
  events.flatMap((event) => (event.kind === 'vmState' && event.vmId === vmId ? [event] : []));
const completionOf = (events: AgentEvent[], operationId: string) =>
  events.find((event) => event.kind === 'operation' && event.operationId === operationId);

describe('GrpcAgentClient against simulated agents', () => {
  let pki: ClusterPki;
  let fleet: SimulatedFleet;
  let connector: AgentConnector;
  const extraConnectors: AgentConnector[] = [];
  const host = (index: number): SimHost => {
    const found = fleet.hosts[index];
    if (!found) throw new Error(`no host ${index}`);
    return found;
  };
  const connectorWith = (options: Partial<AgentConnectorOptions>) => {
    const made = createAgentConnector({ tls: pki.controlPlane, ...fast, ...options });
    extraConnectors.push(made);
    return made;
  };

  beforeAll(async () => {
    pki = createEphemeralPki();
    fleet = await startSimulatedFleet({ count: 10, seed: 42, pki, latencyScale: 0.05, heartbeatMs: 100 });
    connector = createAgentConnector({ tls: pki.controlPlane, ...fast });
  });

  afterAll(() => {
    connector.close();
    for (const extra of extraConnectors) extra.close();
    fleet.stop();
  });

  it('describes the host over mutual TLS', async () => {
    const info = await connector.connect(host(0).address).hostInfo();
    expect(info).toMatchObject({ hostId: host(0).hostId, hostname: host(0).hostname, bootId: host(0).bootId, ...host(0).capacity });
    expect(info.capabilities).toContain('live-migration');
    expect(info.labels).toHaveProperty('zone');
  });

  it('hands out one client per host address', () => {
    expect(connector.connect(host(0).address)).toBe(connector.connect(host(0).address));
  });

  it('creates and starts a VM: events show STARTING then RUNNING with increasing sequence numbers', async () => {
    const client = connector.connect(host(1).address);
    const recording = record(client);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    await client.createVm('op-create', vmSpec('vm-a'), true);
    await pollUntil(() => completionOf(recording.events, 'op-create'), 'the create to complete');
    const states = statesOf(recording.events, 'vm-a');
    expect(states.map((event) => event.state)).toEqual(['STOPPED', 'STARTING', 'RUNNING']);
    expect(states.every((event) => event.operationId === 'op-create' && event.bootId === host(1).bootId)).toBe(true);
    const sequences = recording.events.map((event) => event.seq);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(await client.listVms()).toEqual([expect.objectContaining({ vmId: 'vm-a', state: 'RUNNING', volumeIds: ['vm-a-root'] })]);
    recording.close();
  });

  it('treats a repeated operation id as the same operation and does not create twice', async () => {
    const client = connector.connect(host(2).address);
    const recording = record(client);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    await client.createVm('op-once', vmSpec('vm-b'), false);
    await client.createVm('op-once', vmSpec('vm-b'), false);
    await pollUntil(() => completionOf(recording.events, 'op-once'), 'the create to complete');
    await client.createVm('op-once', vmSpec('vm-b'), false);
    expect(host(2).vms()).toHaveLength(1);
    expect(statesOf(recording.events, 'vm-b').map((event) => event.state)).toEqual(['STOPPED']);
    await expect(client.createVm('op-other', vmSpec('vm-b'), false)).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    recording.close();
  });

  it('stops and deletes a VM, after which it is gone from the host', async () => {
    const client = connector.connect(host(3).address);
    const recording = record(client);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    await client.createVm('c', vmSpec('vm-c'), true);
    await pollUntil(() => completionOf(recording.events, 'c'), 'the create');
    await client.stopVm('s', 'vm-c', false);
    await pollUntil(() => completionOf(recording.events, 's'), 'the stop');
    await client.deleteVm('d', 'vm-c');
    await pollUntil(() => completionOf(recording.events, 'd'), 'the delete');
    expect(statesOf(recording.events, 'vm-c').map((event) => event.state).slice(3)).toEqual(['STOPPING', 'STOPPED', 'DELETING', 'DELETED']);
    expect(await client.listVms()).toEqual([]);
    await expect(client.deleteVm('d-again', 'vm-c')).rejects.toMatchObject({ name: 'AgentCallError', code: 'NOT_FOUND' });
    recording.close();
  });

  it('reports an injected failure as a FAILED state carrying the message', async () => {
    const client = connector.connect(host(3).address);
    const recording = record(client);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    host(3).failNext('StartVm', 'disk image is corrupt');
    await client.createVm('c2', vmSpec('vm-f'), false);
    await pollUntil(() => completionOf(recording.events, 'c2'), 'the create');
    await client.startVm('start-f', 'vm-f');
    const failed = await pollUntil(
      () => statesOf(recording.events, 'vm-f').find((event) => event.state === 'FAILED'),
      'the FAILED state',
    );
    expect(failed).toMatchObject({ previousState: 'STARTING', operationId: 'start-f', error: 'disk image is corrupt' });
    expect(completionOf(recording.events, 'start-f')).toMatchObject({ succeeded: false, error: 'disk image is corrupt' });
    recording.close();
  });

  it('reconnects the event stream after an agent crash and resyncs through listVms', async () => {
    const client = connector.connect(host(4).address);
    const recording = record(client);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    await client.createVm('c', vmSpec('vm-r'), true);
    await pollUntil(() => completionOf(recording.events, 'c'), 'the create');
    const firstBoot = host(4).bootId;

    host(4).crash({ powerLoss: true });
    await host(4).restart();

    const resync = await pollUntil(() => recording.resyncs[1], 'a resync after the restart');
    expect(resync.point.bootId).not.toBe(firstBoot);
    expect(resync.point.bootId).toBe(host(4).bootId);
    // Only the resync can tell that the power loss stopped the VM: no event said so.
    expect(resync.vms).toEqual([expect.objectContaining({ vmId: 'vm-r', state: 'STOPPED' })]);
    await client.startVm('after-restart', 'vm-r');
    const running = await pollUntil(() => completionOf(recording.events, 'after-restart'), 'the start after the restart');
    expect(running.bootId).toBe(host(4).bootId);
    recording.close();
  });

  it('fails with a DEADLINE error while the agent hangs, and recovers when it answers again', async () => {
    const client = connectorWith({ deadlineMs: 150, retry: { maxAttempts: 2, initialMs: 10, maxMs: 10 } }).connect(host(5).address);
    await client.hostInfo();
    host(5).hang();
    const failure = client.hostInfo();
    await expect(failure).rejects.toBeInstanceOf(AgentUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'DEADLINE' });
    host(5).unhang();
    await expect(client.hostInfo()).resolves.toMatchObject({ hostname: host(5).hostname });
  });

  it('opens the circuit after repeated failures, then lets a trial through once the agent is back', async () => {
    const client = connectorWith({ retry: { maxAttempts: 1, initialMs: 1, maxMs: 1 }, breaker: { failureThreshold: 3, cooldownMs: 200 } }).connect(host(6).address);
    await client.hostInfo();
    host(6).crash();
    for (let i = 0; i < 3; i += 1) await expect(client.hostInfo()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(client.hostInfo()).rejects.toMatchObject({ name: 'AgentUnavailableError', code: 'CIRCUIT_OPEN' });
    await host(6).restart();
    await pollUntil(() => client.hostInfo(), 'the breaker to close again');
  });

  it('refuses a client whose certificate is signed by another CA', async () => {
    const stranger = createAgentConnector({ tls: createEphemeralPki().controlPlane, ...fast, retry: { maxAttempts: 1, initialMs: 1, maxMs: 1 } });
    extraConnectors.push(stranger);
    const failure = stranger.connect(host(7).address).hostInfo();
    await expect(failure).rejects.toBeInstanceOf(AgentUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(connector.connect(host(7).address).hostInfo()).resolves.toBeDefined();
  });

  it('keeps the stream open without heartbeats while they are stopped, and resumes them', async () => {
    const client = connector.connect(host(7).address);
    const recording = record(client);
    await pollUntil(() => recording.events.some((event) => event.kind === 'heartbeat'), 'a heartbeat');
    host(7).stopHeartbeats();
    const quietFrom = recording.events.length;
    await client.createVm('quiet', vmSpec('vm-q'), true);
    await pollUntil(() => completionOf(recording.events, 'quiet'), 'the create');
    expect(recording.events.slice(quietFrom).filter((event) => event.kind === 'heartbeat')).toEqual([]);
    host(7).resumeHeartbeats();
    const beat = await pollUntil(
      () => recording.events.slice(quietFrom).find((event) => event.kind === 'heartbeat'),
      'a heartbeat after resuming',
    );
    expect(beat).toMatchObject({ vmCount: 1, runningVmCount: 1, intervalMs: 100 });
    recording.close();
  });

  it('migrates a VM from one host to another', async () => {
    const source = connector.connect(host(8).address);
    const target = connector.connect(host(9).address);
    const recording = record(source);
    await pollUntil(() => recording.resyncs.length === 1, 'the first resync');
    await source.createVm('c', vmSpec('vm-m'), true);
    await pollUntil(() => completionOf(recording.events, 'c'), 'the create');
    const { migrationToken } = await target.prepareMigration('prep', vmSpec('vm-m'), host(8).hostId);
    await source.sendMigration('send', 'vm-m', host(9).address, migrationToken);
    await pollUntil(() => completionOf(recording.events, 'send'), 'the migration');
    expect(await source.listVms()).toEqual([]);
    expect(await target.listVms()).toEqual([expect.objectContaining({ vmId: 'vm-m', state: 'RUNNING' })]);
    recording.close();
  });

  it('maps the agent refusing an operation to AgentCallError', async () => {
    const client = connector.connect(host(9).address);
    await expect(client.startVm('x1', 'no-such-vm')).rejects.toBeInstanceOf(AgentCallError);
    await expect(client.revertSnapshot('x2', 'vm-m', 'snap')).rejects.toMatchObject({ code: 'INVALID_STATE' });
    host(9).failNext(undefined, 'maintenance mode', 'reject');
    await expect(client.rebootVm('x3', 'vm-m')).rejects.toMatchObject({ code: 'REJECTED', message: expect.stringMatching(/maintenance mode/) });
  });
});
