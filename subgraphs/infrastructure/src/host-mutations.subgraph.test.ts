// registerHost, cordonHost and uncordonHost against simulated agents over real gRPC with
// mutual TLS, on a migrated test database; and the hostChanged subscription declaration.
import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse, printSchema, subscribe, type ExecutionResult } from 'graphql';
import { createAgentConnector, createEphemeralPki, type AgentConnector } from '../../../agents-client/src';
import { startSimulatedFleet, type SimulatedFleet } from '../../../agents-client/sim';
import {
  createCoordination,
  formatError,
  InProcessEventBus,
  PrismaAuditSink,
  type Coordination,
  type Viewer,
} from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createInfrastructureSubgraph } from './index';
import { quietLog, recordHostEvents } from './testing/fixtures';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
type Subgraph = Awaited<ReturnType<typeof createInfrastructureSubgraph>>;
// Tests walk nested results freely; the assertions check their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ADMIN: Viewer = { userId: 'u-admin', username: 'alice', role: 'ADMIN' };
const OPERATOR: Viewer = { userId: 'u-op', username: 'oscar', role: 'OPERATOR' };
const VIEWER: Viewer = { userId: 'u-viewer', username: 'victor', role: 'VIEWER' };

const RATIOS = { cpu: 3, memory: 1.25 };

let db: TestDb;
let fleet: SimulatedFleet;
let strangers: SimulatedFleet;
let agents: AgentConnector;
let coordination: Coordination;
let bus: InProcessEventBus;
let subgraph: Subgraph;
let recorder: ReturnType<typeof recordHostEvents>;

async function run(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = ADMIN): Promise<ExecutionResult> {
  return graphql({
    schema: subgraph.schema,
    source,
    variableValues,
    contextValue: subgraph.createContext({ viewer, authError: null, clientIp: '10.1.2.3', requestId: 't' }),
  });
}

async function data(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = ADMIN): Promise<Json> {
  const res = await run(source, variableValues, viewer);
  expect(res.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(res.data)) as Json;
}

function errorCode(res: ExecutionResult): unknown {
  const err = res.errors?.[0];
  return err ? formatError(err.toJSON(), err, () => undefined).extensions?.code : undefined;
}

const REGISTER = `mutation($input: RegisterHostInput!) { registerHost(input: $input) {
  host { id hostname agentAddress phase schedulable capacity { vcpus memoryMib } allocatable { vcpus memoryMib }
         allocated { vcpus memoryMib } labels { key value } usage { cpuPercent } lastHeartbeatAt cluster { id } }
  userErrors { field code message } } }`;
const CORDON = `mutation($input: HostIdInput!) { cordonHost(input: $input) { host { id schedulable } userErrors { field code message } } }`;
const UNCORDON = `mutation($input: HostIdInput!) { uncordonHost(input: $input) { host { id schedulable } userErrors { field code message } } }`;

const simHost = (index: number) => {
  const host = fleet.hosts[index];
  if (!host) throw new Error(`no sim host ${index}`);
  return host;
};

async function register(agentAddress: string, extra: Record<string, unknown> = {}): Promise<Json> {
  return (await data(REGISTER, { input: { agentAddress, ...extra } })).registerHost;
}

beforeAll(async () => {
  const pki = createEphemeralPki();
  db = await openTestDatabase();
  [fleet, strangers] = await Promise.all([
    startSimulatedFleet({ count: 4, pki, heartbeatMs: 60_000, hostnamePrefix: `reg-${process.pid}` }),
    // Signed by another CA: reachable, but neither side trusts the other.
    startSimulatedFleet({ count: 1, pki: createEphemeralPki(), heartbeatMs: 60_000, hostnamePrefix: 'stranger' }),
  ]);
  agents = createAgentConnector({
    tls: pki.controlPlane,
    deadlineMs: 1_000,
    retry: { maxAttempts: 2, initialMs: 20, maxMs: 50 },
    breaker: { failureThreshold: 5, cooldownMs: 200 },
  });
  coordination = createCoordination({ hostLeaseTtlMs: 60_000 });
  bus = new InProcessEventBus();
  recorder = recordHostEvents(bus);
  subgraph = await createInfrastructureSubgraph({
    db: db.prisma,
    audit: new PrismaAuditSink(db.prisma),
    overcommit: RATIOS,
    agents,
    coordination,
    events: bus,
    heartbeat: { intervalMs: 60_000, failureThreshold: 3 },
    log: quietLog().log,
  });
}, 30_000);

afterAll(async () => {
  recorder?.stop();
  agents?.close();
  fleet?.stop();
  strangers?.stop();
  await coordination?.close();
  await bus?.close();
  await db?.cleanup();
});

describe('registerHost', () => {
  it('registers a simulated host over mutual TLS with its capacity, allocatable under the ratios and merged labels', async () => {
    const sim = simHost(0);
    const res = await register(sim.address, { labels: [{ key: 'zone', value: 'zone-custom' }, { key: 'team', value: 'db' }] });
    expect(res.userErrors).toEqual([]);
    const host = res.host;
    expect(host).toMatchObject({
      hostname: sim.hostname,
      agentAddress: sim.address,
      phase: 'READY',
      schedulable: true,
      capacity: sim.capacity,
      allocatable: { vcpus: Math.floor(sim.capacity.vcpus * RATIOS.cpu), memoryMib: Math.floor(sim.capacity.memoryMib * RATIOS.memory) },
      allocated: { vcpus: 0, memoryMib: 0 },
      usage: null,
      cluster: null,
    });
    // The caller's zone wins over the agent's; the agent's other labels stay.
    expect(host.labels).toEqual(
      expect.arrayContaining([
        { key: 'zone', value: 'zone-custom' },
        { key: 'team', value: 'db' },
        { key: 'limiquantix.io/simulated', value: 'true' },
        { key: 'rack', value: 'rack-1' },
      ]),
    );
    expect(Date.now() - Date.parse(host.lastHeartbeatAt)).toBeLessThan(10_000);

    const row = await db.prisma.host.findUniqueOrThrow({ where: { id: host.id } });
    expect(row.agentVersion).toMatch(/^limiquantix-sim\//);
    expect(row.capabilities).toEqual(expect.arrayContaining(['live-migration', 'snapshots']));
    expect(await coordination.leases.isAlive(host.id)).toBe(true);
    expect(recorder.of(host.id)).toEqual([
      expect.objectContaining({ kind: 'CREATED', id: host.id, hostname: sim.hostname, phase: 'READY', schedulable: true, cpuPercent: null }),
    ]);
  });

  it('registers a host into an existing cluster', async () => {
    const cluster = await db.prisma.cluster.create({ data: { name: `c-${randomUUID()}` } });
    const res = await register(simHost(1).address, { clusterId: cluster.id });
    expect(res.userErrors).toEqual([]);
    expect(res.host.cluster).toEqual({ id: cluster.id });
  });

  it.each([
    ['an unknown cluster', randomUUID()],
    ['a malformed cluster id', 'no-such-cluster'],
  ])('refuses %s with NOT_FOUND', async (_case, clusterId) => {
    const res = await register(simHost(2).address, { clusterId });
    expect(res).toEqual({ host: null, userErrors: [{ field: ['input', 'clusterId'], code: 'NOT_FOUND', message: `no cluster with id ${clusterId}` }] });
  });

  it('reports an unreachable agent on agentAddress and writes nothing', async () => {
    const before = await db.prisma.host.count();
    const eventsBefore = recorder.events.length;
    const res = await register('127.0.0.1:1');
    expect(res.host).toBeNull();
    expect(res.userErrors).toEqual([
      { field: ['input', 'agentAddress'], code: 'INVALID', message: expect.stringMatching(/^could not reach or verify the agent at 127\.0\.0\.1:1: .+/) },
    ]);
    expect(await db.prisma.host.count()).toBe(before);
    expect(recorder.events.length).toBe(eventsBefore);
  });

  it('refuses an agent whose certificate the cluster CA did not sign', async () => {
    const res = await register(strangers.hosts[0]?.address ?? '');
    expect(res.userErrors).toEqual([
      { field: ['input', 'agentAddress'], code: 'INVALID', message: expect.stringContaining('could not reach or verify the agent') },
    ]);
    expect(await db.prisma.host.count({ where: { hostname: { startsWith: 'stranger' } } })).toBe(0);
  });

  it('reports every invalid field at once, each with its path', async () => {
    const res = await register('10.0.0.5:70000', { labels: [{ key: 'zone', value: 'a' }, { key: 'zone', value: 'b' }, { key: '', value: 'x' }] });
    expect(res.host).toBeNull();
    expect(res.userErrors).toEqual([
      { field: ['input', 'agentAddress'], code: 'INVALID', message: 'agentAddress port must be a number from 1 to 65535, got 70000' },
      { field: ['input', 'labels', '2', 'key'], code: 'INVALID', message: 'label key must not be empty' },
      { field: ['input', 'labels', '1', 'key'], code: 'INVALID', message: 'label key "zone" is given twice' },
    ]);
  });

  it('refuses an address already registered with CONFLICT', async () => {
    const sim = simHost(3);
    expect((await register(sim.address)).userErrors).toEqual([]);
    const again = await register(` ${sim.address} `);
    expect(again.host).toBeNull();
    expect(again.userErrors).toEqual([
      { field: ['input', 'agentAddress'], code: 'CONFLICT', message: expect.stringContaining(`already registered at ${sim.address}`) },
    ]);
  });

  it('refuses the same agent under another address with CONFLICT on its hostname', async () => {
    const sim = simHost(3);
    const port = sim.address.split(':')[1];
    const res = await register(`localhost:${port}`);
    expect(res.userErrors).toEqual([
      { field: ['input', 'agentAddress'], code: 'CONFLICT', message: expect.stringContaining(`reports hostname ${sim.hostname}, which another host already has`) },
    ]);
  });

  it('refuses an OPERATOR as FORBIDDEN and audits the refusal', async () => {
    const res = await run(REGISTER, { input: { agentAddress: simHost(2).address } }, OPERATOR);
    expect(errorCode(res)).toBe('FORBIDDEN');
    const audit = await db.prisma.auditEntry.findMany({ where: { action: 'registerHost', actor: OPERATOR.username } });
    expect(audit.map((a) => a.outcome)).toEqual(['DENIED']);
    expect(audit[0]?.ipAddress).toBe('10.1.2.3');
  });

  it('refuses a VIEWER as FORBIDDEN and an anonymous caller as UNAUTHENTICATED', async () => {
    expect(errorCode(await run(REGISTER, { input: { agentAddress: simHost(2).address } }, VIEWER))).toBe('FORBIDDEN');
    expect(errorCode(await run(REGISTER, { input: { agentAddress: simHost(2).address } }, null))).toBe('UNAUTHENTICATED');
    expect(await db.prisma.host.count({ where: { agentAddress: simHost(2).address } })).toBe(0);
  });

  it('audits a registration as SUCCESS on the host', async () => {
    const host = await db.prisma.host.findFirstOrThrow({ where: { agentAddress: simHost(0).address } });
    const audit = await db.prisma.auditEntry.findMany({ where: { action: 'registerHost', outcome: 'SUCCESS', resourceId: host.id } });
    expect(audit).toEqual([expect.objectContaining({ actor: ADMIN.username, resourceType: 'Host' })]);
  });
});

describe('cordonHost and uncordonHost', () => {
  let hostId: string;
  beforeAll(async () => {
    hostId = (await db.prisma.host.findFirstOrThrow({ where: { agentAddress: simHost(0).address } })).id;
  });

  it('lets an OPERATOR cordon and uncordon a host, publishing each change', async () => {
    const before = recorder.of(hostId).length;
    expect((await data(CORDON, { input: { id: hostId } }, OPERATOR)).cordonHost).toEqual({ host: { id: hostId, schedulable: false }, userErrors: [] });
    expect((await db.prisma.host.findUniqueOrThrow({ where: { id: hostId } })).schedulable).toBe(false);
    expect((await data(UNCORDON, { input: { id: hostId } }, OPERATOR)).uncordonHost).toEqual({ host: { id: hostId, schedulable: true }, userErrors: [] });
    expect(recorder.of(hostId).slice(before).map((e) => [e.kind, e.schedulable])).toEqual([
      ['UPDATED', false],
      ['UPDATED', true],
    ]);
  });

  it('answers a repeated cordon with the host and publishes nothing new', async () => {
    await data(CORDON, { input: { id: hostId } }, OPERATOR);
    const before = recorder.of(hostId).length;
    expect((await data(CORDON, { input: { id: hostId } }, OPERATOR)).cordonHost.host.schedulable).toBe(false);
    expect(recorder.of(hostId).length).toBe(before);
    await data(UNCORDON, { input: { id: hostId } }, OPERATOR);
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'nope'],
  ])('reports %s as NOT_FOUND', async (_case, id) => {
    expect((await data(CORDON, { input: { id } }, OPERATOR)).cordonHost).toEqual({
      host: null,
      userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND', message: `no host with id ${id}` }],
    });
  });

  it('refuses a VIEWER as FORBIDDEN', async () => {
    expect(errorCode(await run(CORDON, { input: { id: hostId } }, VIEWER))).toBe('FORBIDDEN');
    expect(errorCode(await run(UNCORDON, { input: { id: hostId } }, VIEWER))).toBe('FORBIDDEN');
  });
});

describe('Subscription.hostChanged', () => {
  it('is declared in the subgraph and in the composed API schema', () => {
    const sdl = printSubgraphSchema(subgraph.schema);
    expect(sdl).toMatch(/type HostEvent \{\s+kind: ChangeKind!\s+host: Host!\s+\}/);
    expect(sdl).toMatch(/enum ChangeKind \{\s+CREATED\s+UPDATED\s+DELETED\s+\}/);
    const composed = composeServices([{ name: 'infrastructure', url: 'http://infrastructure/graphql', typeDefs: parse(sdl) }]);
    expect(composed.errors).toBeUndefined();
    const api = printSchema(composed.schema?.toAPISchema().toGraphQLJSSchema() ?? subgraph.schema);
    expect(api).toMatch(/type Subscription \{\s+"""[^"]*"""\s+hostChanged\(id: ID\): HostEvent!\s+\}/);
  });

  it('refuses to subscribe at the subgraph: the gateway serves subscriptions', async () => {
    const res = (await subscribe({
      schema: subgraph.schema,
      document: parse('subscription { hostChanged { kind host { id } } }'),
      contextValue: subgraph.createContext({ viewer: ADMIN, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
    })) as ExecutionResult;
    expect(res.errors?.[0]?.message).toBe('subscriptions are served by the gateway over graphql-ws');
  });
});
