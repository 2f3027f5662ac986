// The host monitor against simulated agents heartbeating every 100 ms over real gRPC with
// mutual TLS; a host fails after 3 missed heartbeats. In-process coordination always; etcd
// too when TEST_ETCD_ENDPOINTS is set (its leases are whole seconds, at least 2).
import { randomUUID } from 'node:crypto';
import { graphql } from 'graphql';
import { createAgentConnector, createEphemeralPki, type AgentConnector } from '../../../../agents-client/src';
import { startSimulatedFleet, type SimHost, type SimulatedFleet } from '../../../../agents-client/sim';
import { createCoordination, InProcessEventBus, type Coordination, type HostChangedEvent } from '../../../platform/src';
import { openTestDatabase } from '../../../platform/src/testing/test-database';
import { allocatableOf } from '../domain/host';
import { leaseTtlMs } from '../domain/host-health';
import { createHostMonitor, createInfrastructureSubgraph, type HostMonitor, type InfrastructureDeps } from '../index';
import { pollUntil, quietLog, recordHostEvents, refusing, refusingLiveDeps } from '../testing/fixtures';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

const HEARTBEAT = { intervalMs: 100, failureThreshold: 3 };
const RATIOS = { cpu: 2, memory: 1.5 };
const etcdEndpoints = process.env.TEST_ETCD_ENDPOINTS?.split(',').filter(Boolean);

let db: TestDb;
let fleet: SimulatedFleet;
let agents: AgentConnector;
let bus: InProcessEventBus;
let recorder: ReturnType<typeof recordHostEvents>;
const logged = quietLog();
let nextSim = 0;

/** A simulated host of its own for each test, so tests cannot disturb each other. */
function takeSim(): SimHost {
  const sim = fleet.hosts[nextSim++];
  if (!sim) throw new Error('the fleet has too few hosts');
  return sim;
}

/** Inserts a host row for a simulated agent, as registration would have left it. */
async function seedHost(sim: SimHost, extra: { phase?: 'READY' | 'UNKNOWN' | 'MAINTENANCE'; allocatable?: { vcpus: number; memoryMib: number } } = {}) {
  const allocatable = extra.allocatable ?? allocatableOf(sim.capacity, RATIOS);
  return db.prisma.host.create({
    data: {
      hostname: sim.hostname,
      agentAddress: sim.address,
      phase: extra.phase ?? 'READY',
      capacityVcpus: sim.capacity.vcpus,
      capacityMemoryMib: sim.capacity.memoryMib,
      allocatableVcpus: allocatable.vcpus,
      allocatableMemoryMib: allocatable.memoryMib,
      lastHeartbeatAt: new Date(),
    },
  });
}

const hostRow = (id: string) => db.prisma.host.findUniqueOrThrow({ where: { id } });

/** The host's phases as its events told them, repeats folded: [READY, NOT_READY, READY]. */
function phaseHistory(events: HostChangedEvent[]): string[] {
  return events.map((e) => e.phase).filter((phase, i, all) => i === 0 || all[i - 1] !== phase);
}

/**
 * Waits until the host's events have told exactly these phases. Events are published after
 * the row is written, so tests wait on them rather than on the row.
 */
async function untilPhases(hostId: string, expected: string[], timeoutMs = 5_000): Promise<void> {
  await pollUntil(
    () => phaseHistory(recorder.of(hostId)).join() === expected.join(),
    `phases ${expected.join(' -> ')}`,
    timeoutMs,
  ).catch((err: Error) => {
    throw new Error(`${err.message}; got ${phaseHistory(recorder.of(hostId)).join(' -> ') || 'no events'}`);
  });
}

function depsWith(coordination: Coordination): InfrastructureDeps {
  return { db: db.prisma, audit: { write: async () => undefined }, overcommit: RATIOS, agents, coordination, events: bus, heartbeat: HEARTBEAT, log: logged.log };
}

beforeAll(async () => {
  const pki = createEphemeralPki();
  db = await openTestDatabase();
  fleet = await startSimulatedFleet({ count: 8, pki, heartbeatMs: HEARTBEAT.intervalMs, hostnamePrefix: `mon-${process.pid}` });
  agents = createAgentConnector({
    tls: pki.controlPlane,
    deadlineMs: 1_000,
    retry: { maxAttempts: 2, initialMs: 20, maxMs: 50 },
    breaker: { failureThreshold: 5, cooldownMs: 200 },
    streamBackoff: { initialMs: 30, maxMs: 200 },
    channelBackoff: { initialMs: 30, maxMs: 200 },
  });
  bus = new InProcessEventBus();
  recorder = recordHostEvents(bus);
}, 30_000);

afterAll(async () => {
  recorder?.stop();
  agents?.close();
  fleet?.stop();
  await bus?.close();
  await db?.cleanup();
});

describe('createHostMonitor', () => {
  it('touches none of its dependencies until started', () => {
    const monitor = createHostMonitor({ ...refusingLiveDeps(), db: refusing<TestDb['prisma']>('db'), audit: refusing('audit'), heartbeat: HEARTBEAT });
    expect(monitor.isLeading()).toBe(false);
  });

  it.each([
    { case: 'a zero heartbeat interval', config: { heartbeat: { intervalMs: 0, failureThreshold: 3 } } },
    { case: 'a zero failure threshold', config: { heartbeat: { intervalMs: 100, failureThreshold: 0 } } },
    { case: 'a negative overcommit ratio', config: { heartbeat: HEARTBEAT, overcommit: { cpu: -1 } } },
  ])('refuses $case at start-up', ({ config }) => {
    expect(() => createHostMonitor({ ...refusingLiveDeps(), db: refusing<TestDb['prisma']>('db'), audit: refusing('audit'), ...config })).toThrow(RangeError);
  });
});

describe('host monitor with in-process coordination', () => {
  const ttlMs = leaseTtlMs(HEARTBEAT);
  let coordination: Coordination;
  let monitor: HostMonitor;
  let ready: SimHost, unknown: SimHost, silent: SimHost, crashing: SimHost, maintenance: SimHost;
  const ids: Record<string, string> = {};
  const staleAllocatable = { vcpus: 1, memoryMib: 1 };

  beforeAll(async () => {
    [ready, unknown, silent, crashing, maintenance] = [takeSim(), takeSim(), takeSim(), takeSim(), takeSim()];
    ids.ready = (await seedHost(ready, { allocatable: staleAllocatable })).id;
    ids.unknown = (await seedHost(unknown, { phase: 'UNKNOWN' })).id;
    ids.silent = (await seedHost(silent)).id;
    ids.crashing = (await seedHost(crashing)).id;
    ids.maintenance = (await seedHost(maintenance, { phase: 'MAINTENANCE' })).id;
    coordination = createCoordination({ hostLeaseTtlMs: ttlMs });
    // A long resync interval: new hosts must be picked up from their CREATED event.
    monitor = createHostMonitor(depsWith(coordination), { resyncIntervalMs: 60_000 });
    monitor.start();
    await pollUntil(() => monitor.isLeading(), 'leadership');
  });

  afterAll(async () => {
    await monitor?.stop();
    await coordination?.close();
  });

  it('recomputes a stale allocatable with the current ratios when it starts leading', async () => {
    const expected = allocatableOf(ready.capacity, RATIOS);
    await pollUntil(async () => (await hostRow(ids.ready)).allocatableVcpus === expected.vcpus, 'allocatable recomputed');
    expect((await hostRow(ids.ready)).allocatableMemoryMib).toBe(expected.memoryMib);
    expect(logged.lines).toContainEqual(expect.stringMatching(/recomputed allocatable of 1 hosts/));
  });

  it('makes a host READY with usage from its heartbeats', async () => {
    await untilPhases(ids.unknown, ['READY']);
    const row = await hostRow(ids.unknown);
    expect(row.phase).toBe('READY');
    expect(row.cpuPercent).not.toBeNull();
    expect(row.memoryPercent).not.toBeNull();
    expect(Date.now() - (row.lastHeartbeatAt?.getTime() ?? 0)).toBeLessThan(5_000);
    expect(await coordination.leases.isAlive(ids.unknown)).toBe(true);
    const events = recorder.of(ids.unknown);
    expect(events[0]).toMatchObject({ kind: 'UPDATED', phase: 'READY', schedulable: true });
    expect(events[0]?.cpuPercent).toEqual(expect.any(Number));
  });

  it('fails a host whose heartbeats stop within the threshold and recovers it when they resume', async () => {
    await pollUntil(async () => (await hostRow(ids.silent)).cpuPercent !== null, 'first heartbeat');
    silent.stopHeartbeats();
    const failure = await pollUntil(() => recorder.of(ids.silent).find((e) => e.phase === 'NOT_READY'), 'NOT_READY', ttlMs + 2_000);
    const failed = await hostRow(ids.silent);
    expect(failed.phase).toBe('NOT_READY');
    // Not before the threshold: a whole lease TTL after the last heartbeat recorded (timers may round by a ms).
    expect(Date.parse(failure.at) - (failed.lastHeartbeatAt?.getTime() ?? 0)).toBeGreaterThanOrEqual(ttlMs - 2);
    expect(logged.lines).toContainEqual(expect.stringMatching(new RegExp(`warn host ${silent.hostname} .* NOT_READY: no heartbeat for ${ttlMs} ms`)));

    silent.resumeHeartbeats();
    await untilPhases(ids.silent, ['READY', 'NOT_READY', 'READY']);
    expect((await hostRow(ids.silent)).phase).toBe('READY');
  });

  it('fails a crashed agent and recovers it once the agent restarts', async () => {
    await pollUntil(async () => (await hostRow(ids.crashing)).cpuPercent !== null, 'first heartbeat');
    crashing.crash();
    await untilPhases(ids.crashing, ['READY', 'NOT_READY'], ttlMs + 2_000);
    await crashing.restart();
    await untilPhases(ids.crashing, ['READY', 'NOT_READY', 'READY']);
    expect((await hostRow(ids.crashing)).phase).toBe('READY');
    const events = recorder.of(ids.crashing);
    const versions = events.map((e) => e.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('keeps a host in MAINTENANCE when it goes silent', async () => {
    await pollUntil(async () => (await hostRow(ids.maintenance)).cpuPercent !== null, 'first heartbeat');
    maintenance.stopHeartbeats();
    await pollUntil(async () => !(await coordination.leases.isAlive(ids.maintenance)), 'the lease to expire', ttlMs + 2_000);
    // A host's expiry and heartbeats are handled in order: once a heartbeat after the
    // expiry is written, the expiry has been handled.
    const resumedAt = Date.now();
    maintenance.resumeHeartbeats();
    await pollUntil(async () => ((await hostRow(ids.maintenance)).lastHeartbeatAt?.getTime() ?? 0) >= resumedAt, 'a heartbeat after the expiry');
    expect((await hostRow(ids.maintenance)).phase).toBe('MAINTENANCE');
    expect(phaseHistory(recorder.of(ids.maintenance))).toEqual(['MAINTENANCE']);
  });

  it('follows a host registered while it leads', async () => {
    const sim = takeSim();
    const subgraph = await createInfrastructureSubgraph(depsWith(coordination));
    const res = await graphql({
      schema: subgraph.schema,
      source: 'mutation($a: String!) { registerHost(input: { agentAddress: $a }) { host { id } userErrors { message } } }',
      variableValues: { a: sim.address },
      contextValue: subgraph.createContext({ viewer: { userId: 'u', username: 'alice', role: 'ADMIN' }, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
    });
    const payload = (res.data as { registerHost: { host: { id: string } | null; userErrors: unknown[] } }).registerHost;
    expect(payload.userErrors).toEqual([]);
    const id = payload.host?.id ?? '';
    await pollUntil(() => recorder.of(id).some((e) => e.kind === 'UPDATED' && e.cpuPercent !== null), 'heartbeats of the new host');
    expect(recorder.of(id).map((e) => e.kind).slice(0, 2)).toEqual(['CREATED', 'UPDATED']);
  });

  it('closes its watches and stops writing when it stops leading', async () => {
    const other = createHostMonitor(depsWith(coordination), { electionName: `other-${randomUUID()}` });
    other.start();
    await pollUntil(() => other.isLeading(), 'leadership');
    await other.stop();
    expect(other.isLeading()).toBe(false);
    expect(logged.lines.filter((l) => l.includes('no longer leading')).length).toBeGreaterThanOrEqual(1);
  });
});

(etcdEndpoints ? describe : describe.skip)('host monitor with etcd coordination', () => {
  // etcd grants whole seconds, at least 2: the 300 ms TTL becomes 2 s.
  const ttlMs = 2_000;
  let coordination: Coordination;
  let monitor: HostMonitor;

  beforeAll(() => {
    coordination = createCoordination({ etcdEndpoints, hostLeaseTtlMs: leaseTtlMs(HEARTBEAT) });
    // Its own election: other suites may share the etcd.
    monitor = createHostMonitor(depsWith(coordination), { resyncIntervalMs: 200, electionName: `host-monitor-test-${randomUUID()}` });
    monitor.start();
  });

  afterAll(async () => {
    await monitor?.stop();
    await coordination?.close();
  });

  it('fails a host when its lease expires in etcd and recovers it when heartbeats resume', async () => {
    const sim = takeSim();
    const { id } = await seedHost(sim);
    await pollUntil(() => monitor.isLeading(), 'leadership', 10_000);
    await untilPhases(id, ['READY'], 10_000);
    sim.stopHeartbeats();
    await untilPhases(id, ['READY', 'NOT_READY'], ttlMs + 6_000);
    sim.resumeHeartbeats();
    await untilPhases(id, ['READY', 'NOT_READY', 'READY']);
    expect((await hostRow(id)).phase).toBe('READY');
  }, 30_000);
});
