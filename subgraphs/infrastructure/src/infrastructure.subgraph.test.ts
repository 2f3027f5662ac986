import { randomUUID } from 'node:crypto';
import { graphql, type ExecutionResult } from 'graphql';
import { formatError, ROLE_PERMISSIONS, type AuditSink, type Permission, type Role, type Viewer } from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createInfrastructureSubgraph, type Logger } from './index';
import { refusing, refusingLiveDeps } from './testing/fixtures';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
type Subgraph = Awaited<ReturnType<typeof createInfrastructureSubgraph>>;

const ADMIN: Viewer = { userId: 'u-admin', username: 'alice', role: 'ADMIN' };
const VIEWER: Viewer = { userId: 'u-viewer', username: 'victor', role: 'VIEWER' };

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const ids = {
  clusterA: randomUUID(),
  clusterB: randomUUID(),
  clusterEmpty: randomUUID(),
  h1: randomUUID(),
  h2: randomUUID(),
  h3: randomUUID(),
  h4: randomUUID(),
  h5: randomUUID(),
  removedHost: randomUUID(),
  rHigh: randomUUID(),
  rApplied: randomUUID(),
  rCritical: randomUUID(),
  rDangling: randomUUID(),
  vm: randomUUID(),
  task: randomUUID(),
};

let db: TestDb;
let subgraph: Subgraph;

async function run(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = ADMIN): Promise<ExecutionResult> {
  return graphql({
    schema: subgraph.schema,
    source,
    variableValues,
    contextValue: subgraph.createContext({ viewer, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
  });
}

/** The data as a client receives it (dates serialized), failing on any error. */
// Tests walk nested results freely; the assertions check their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function data<T = Record<string, any>>(source: string, variableValues?: Record<string, unknown>): Promise<T> {
  const res = await run(source, variableValues);
  expect(res.errors).toBeUndefined();
  return JSON.parse(JSON.stringify(res.data)) as T;
}

/** extensions.code of the first error, as the server's formatError shows it to clients. */
function errorCode(res: ExecutionResult): unknown {
  const err = res.errors?.[0];
  return err ? formatError(err.toJSON(), err, () => undefined).extensions?.code : undefined;
}

/** Runs `fn` with `permission` taken from `role`; no real role lacks a read permission. */
async function withoutPermission<T>(role: Role, permission: Permission, fn: () => Promise<T>): Promise<T> {
  const set = ROLE_PERMISSIONS[role] as Set<Permission>;
  set.delete(permission);
  try {
    return await fn();
  } finally {
    set.add(permission);
  }
}

const hostNames = (conn: { edges: { node: { hostname: string } }[] }) => conn.edges.map((e) => e.node.hostname);

beforeAll(async () => {
  db = await openTestDatabase();
  // Queries never reach agents, coordination or events: stand-ins that refuse every use prove it.
  subgraph = await createInfrastructureSubgraph({ db: db.prisma, audit: { write: async () => undefined }, ...refusingLiveDeps() });
  const p = db.prisma;
  await p.cluster.createMany({
    data: [
      { id: ids.clusterA, name: 'alpha', description: 'first', haEnabled: true, drsEnabled: true, drsAutomationLevel: 'FULL', drsLastRunAt: at(30), drsImbalance: 0.9, createdAt: at(0) },
      { id: ids.clusterB, name: 'bravo', createdAt: at(1) },
      { id: ids.clusterEmpty, name: 'charlie', createdAt: at(2) },
    ],
  });
  const host = (id: string, n: number, extra: Record<string, unknown>) => ({
    id,
    hostname: `h${n}`,
    agentAddress: `10.0.0.${n}:7443`,
    capacityVcpus: 16,
    capacityMemoryMib: 65536,
    allocatableVcpus: 32,
    allocatableMemoryMib: 98304,
    createdAt: at(10 + n),
    ...extra,
  });
  await p.host.createMany({
    data: [
      // h1 load max(16/32, 24576/98304) = 0.5; h2 empty: cluster alpha's READY loads 0.5 and 0 -> imbalance 0.25.
      host(ids.h1, 1, { clusterId: ids.clusterA, phase: 'READY', labels: { zone: 'a', gpu: 'true' }, allocatedVcpus: 16, allocatedMemoryMib: 24576, cpuPercent: 41.5, memoryPercent: 63, lastHeartbeatAt: at(59) }),
      host(ids.h2, 2, { clusterId: ids.clusterA, phase: 'READY', labels: { zone: 'b' }, cpuPercent: 3, memoryPercent: 10, lastHeartbeatAt: at(59) }),
      // NOT_READY and full: left out of the balance.
      host(ids.h3, 3, { clusterId: ids.clusterA, phase: 'NOT_READY', labels: { zone: 'a' }, allocatedVcpus: 32, lastHeartbeatAt: at(5) }),
      host(ids.h4, 4, { clusterId: ids.clusterB, phase: 'DRAINING', schedulable: false, labels: { zone: 'a', gpu: 'true' }, lastHeartbeatAt: at(59) }),
      host(ids.h5, 5, { phase: 'UNKNOWN' }),
    ],
  });
  const rec = (id: string, extra: Record<string, unknown>) => ({
    id,
    clusterId: ids.clusterA,
    priority: 'MEDIUM' as const,
    reason: 'h1 above threshold',
    vmId: ids.vm,
    sourceHostId: ids.h1,
    targetHostId: ids.h2,
    imbalanceBefore: 0.25,
    imbalanceAfter: 0.05,
    ...extra,
  });
  await p.drsRecommendation.createMany({
    data: [
      rec(ids.rHigh, { priority: 'HIGH', createdAt: at(40) }),
      rec(ids.rApplied, { priority: 'LOW', status: 'APPLIED', taskId: ids.task, createdAt: at(20), appliedAt: at(21) }),
      rec(ids.rCritical, { clusterId: ids.clusterB, priority: 'CRITICAL', sourceHostId: ids.h4, targetHostId: ids.h1, createdAt: at(41) }),
      // Its source host was removed: hidden from every read.
      rec(ids.rDangling, { priority: 'CRITICAL', sourceHostId: ids.removedHost, createdAt: at(42) }),
    ],
  });
}, 30_000);

afterAll(async () => {
  await db?.cleanup();
});

describe('Query.host', () => {
  it('returns a host with its resources, usage, sorted labels and cluster', async () => {
    const res = await data(
      `query($id: ID!) { host(id: $id) {
        id hostname agentAddress phase schedulable labels { key value }
        capacity { vcpus memoryMib } allocatable { vcpus memoryMib } allocated { vcpus memoryMib }
        usage { cpuPercent memoryPercent } lastHeartbeatAt createdAt cluster { id name }
      } }`,
      { id: ids.h1 },
    );
    expect(res.host).toEqual({
      id: ids.h1,
      hostname: 'h1',
      agentAddress: '10.0.0.1:7443',
      phase: 'READY',
      schedulable: true,
      labels: [{ key: 'gpu', value: 'true' }, { key: 'zone', value: 'a' }],
      capacity: { vcpus: 16, memoryMib: 65536 },
      allocatable: { vcpus: 32, memoryMib: 98304 },
      allocated: { vcpus: 16, memoryMib: 24576 },
      usage: { cpuPercent: 41.5, memoryPercent: 63 },
      lastHeartbeatAt: at(59).toISOString(),
      createdAt: at(11).toISOString(),
      cluster: { id: ids.clusterA, name: 'alpha' },
    });
  });

  it('gives a host that never heartbeated no usage and no cluster when it has none', async () => {
    const res = await data(`query($id: ID!) { host(id: $id) { usage { cpuPercent } lastHeartbeatAt cluster { id } labels { key } } }`, { id: ids.h5 });
    expect(res.host).toEqual({ usage: null, lastHeartbeatAt: null, cluster: null, labels: [] });
  });

  it.each([
    ['an id that does not exist', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('returns null for %s', async (_case, id) => {
    expect(await data(`query($id: ID!) { host(id: $id) { id } }`, { id })).toEqual({ host: null });
  });
});

describe('Query.hosts', () => {
  const query = `query($filter: HostFilter, $first: Int, $after: String) {
    hosts(filter: $filter, first: $first, after: $after) {
      edges { cursor node { hostname } } pageInfo { hasNextPage endCursor } totalCount
    } }`;

  it('pages through every host in creation order with cursors', async () => {
    const first = (await data(query, { first: 2 })).hosts;
    expect(hostNames(first)).toEqual(['h1', 'h2']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
    expect(first.totalCount).toBe(5);
    const second = (await data(query, { first: 2, after: first.pageInfo.endCursor })).hosts;
    expect(hostNames(second)).toEqual(['h3', 'h4']);
    const last = (await data(query, { first: 2, after: second.pageInfo.endCursor })).hosts;
    expect(hostNames(last)).toEqual(['h5']);
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(last.totalCount).toBe(5);
  });

  it('returns all hosts on one page by default', async () => {
    const res = (await data(query)).hosts;
    expect(hostNames(res)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(res.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    { case: 'a cluster', filter: { clusterId: ids.clusterA }, expected: ['h1', 'h2', 'h3'] },
    { case: 'several phases', filter: { phases: ['DRAINING', 'UNKNOWN'] }, expected: ['h4', 'h5'] },
    { case: 'an empty phase list', filter: { phases: [] }, expected: ['h1', 'h2', 'h3', 'h4', 'h5'] },
    { case: 'one label', filter: { labels: [{ key: 'zone', value: 'a' }] }, expected: ['h1', 'h3', 'h4'] },
    { case: 'two labels, all required', filter: { labels: [{ key: 'zone', value: 'a' }, { key: 'gpu', value: 'true' }] }, expected: ['h1', 'h4'] },
    { case: 'one key asked with two values', filter: { labels: [{ key: 'zone', value: 'a' }, { key: 'zone', value: 'b' }] }, expected: [] },
    { case: 'a cluster, phases and labels together', filter: { clusterId: ids.clusterA, phases: ['READY'], labels: [{ key: 'zone', value: 'a' }] }, expected: ['h1'] },
    { case: 'a cluster that does not exist', filter: { clusterId: randomUUID() }, expected: [] },
    { case: 'a malformed cluster id', filter: { clusterId: 'nope' }, expected: [] },
  ])('filters by $case', async ({ filter, expected }) => {
    const res = (await data(query, { filter })).hosts;
    expect(hostNames(res)).toEqual(expected);
    expect(res.totalCount).toBe(expected.length);
  });

  it.each([
    ['a page larger than 500', { first: 501 }],
    ['a negative page size', { first: -1 }],
    ['a cursor it did not issue', { after: 'garbage' }],
  ])('rejects %s as BAD_USER_INPUT', async (_case, vars) => {
    const res = await run(query, vars);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('Query.cluster and Query.clusters', () => {
  it('returns a cluster with its settings, paged hosts and live DRS status', async () => {
    const res = await data(
      `query($id: ID!, $after: String) { cluster(id: $id) {
        id name description haEnabled drsEnabled drsAutomationLevel drsCpuThreshold drsMemoryThreshold createdAt
        hosts(first: 2, after: $after) { edges { node { hostname } } pageInfo { hasNextPage endCursor } totalCount }
        drsStatus { lastRunAt imbalance pendingRecommendations }
      } }`,
      { id: ids.clusterA },
    );
    expect(res.cluster).toMatchObject({
      id: ids.clusterA,
      name: 'alpha',
      description: 'first',
      haEnabled: true,
      drsEnabled: true,
      drsAutomationLevel: 'FULL',
      drsCpuThreshold: 80,
      drsMemoryThreshold: 85,
      createdAt: at(0).toISOString(),
      // Computed from the READY hosts (0.5 and 0), not the stored 0.9; the dangling
      // recommendation is not counted.
      drsStatus: { lastRunAt: at(30).toISOString(), imbalance: 0.25, pendingRecommendations: 1 },
    });
    expect(hostNames(res.cluster.hosts)).toEqual(['h1', 'h2']);
    expect(res.cluster.hosts.totalCount).toBe(3);
    const next = await data(`query($id: ID!, $after: String) { cluster(id: $id) { hosts(first: 2, after: $after) { edges { node { hostname } } pageInfo { hasNextPage } } } }`, {
      id: ids.clusterA,
      after: res.cluster.hosts.pageInfo.endCursor,
    });
    expect(next.cluster.hosts).toEqual({ edges: [{ node: { hostname: 'h3' } }], pageInfo: { hasNextPage: false } });
  });

  it('lists every cluster in creation order, each with its own DRS status', async () => {
    const res = await data(`{ clusters { name drsAutomationLevel hosts { totalCount } drsStatus { lastRunAt imbalance pendingRecommendations } } }`);
    expect(res.clusters).toEqual([
      { name: 'alpha', drsAutomationLevel: 'FULL', hosts: { totalCount: 3 }, drsStatus: { lastRunAt: at(30).toISOString(), imbalance: 0.25, pendingRecommendations: 1 } },
      // Its only host is DRAINING: no READY host, so no imbalance.
      { name: 'bravo', drsAutomationLevel: 'PARTIAL', hosts: { totalCount: 1 }, drsStatus: { lastRunAt: null, imbalance: 0, pendingRecommendations: 1 } },
      { name: 'charlie', drsAutomationLevel: 'PARTIAL', hosts: { totalCount: 0 }, drsStatus: { lastRunAt: null, imbalance: 0, pendingRecommendations: 0 } },
    ]);
  });

  it.each([
    ['an id that does not exist', randomUUID()],
    ['a malformed id', '42'],
  ])('returns null for %s', async (_case, id) => {
    expect(await data(`query($id: ID!) { cluster(id: $id) { id } }`, { id })).toEqual({ cluster: null });
  });
});

describe('Query.drsRecommendations', () => {
  const query = `query($clusterId: ID, $statuses: [DrsRecommendationStatus!]) {
    drsRecommendations(clusterId: $clusterId, statuses: $statuses) { id priority status } }`;

  it('returns a recommendation with its cluster, VM, hosts and task', async () => {
    const res = await data(`{ drsRecommendations(statuses: [APPLIED]) {
      id priority kind reason imbalanceBefore imbalanceAfter status createdAt appliedAt
      cluster { name } virtualMachine { id } sourceHost { hostname } targetHost { hostname } task { id }
    } }`);
    expect(res.drsRecommendations).toEqual([
      {
        id: ids.rApplied,
        priority: 'LOW',
        kind: 'MIGRATE',
        reason: 'h1 above threshold',
        imbalanceBefore: 0.25,
        imbalanceAfter: 0.05,
        status: 'APPLIED',
        createdAt: at(20).toISOString(),
        appliedAt: at(21).toISOString(),
        cluster: { name: 'alpha' },
        virtualMachine: { id: ids.vm },
        sourceHost: { hostname: 'h1' },
        targetHost: { hostname: 'h2' },
        task: { id: ids.task },
      },
    ]);
  });

  it('gives a recommendation without a task a null task', async () => {
    const res = await data(`query($c: ID) { drsRecommendations(clusterId: $c) { task { id } } }`, { c: ids.clusterB });
    expect(res.drsRecommendations).toEqual([{ task: null }]);
  });

  it.each([
    { case: 'nothing, most urgent first, hiding moves from removed hosts', vars: {}, expected: ['rCritical', 'rHigh', 'rApplied'] },
    { case: 'a cluster', vars: { clusterId: ids.clusterA }, expected: ['rHigh', 'rApplied'] },
    { case: 'statuses', vars: { statuses: ['PENDING'] }, expected: ['rCritical', 'rHigh'] },
    { case: 'a cluster and statuses', vars: { clusterId: ids.clusterA, statuses: ['APPLIED', 'REJECTED'] }, expected: ['rApplied'] },
    { case: 'a malformed cluster id', vars: { clusterId: 'x' }, expected: [] },
  ])('filters by $case', async ({ vars, expected }) => {
    const res = await data(query, vars);
    expect(res.drsRecommendations.map((r: { id: string }) => r.id)).toEqual(expected.map((k) => ids[k as keyof typeof ids]));
  });
});

describe('entity references', () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Host { id hostname cluster { name } }
    ... on Cluster { id name drsStatus { pendingRecommendations } }
    ... on DrsRecommendation { id sourceHost { hostname } }
  } }`;

  it('resolves hosts, clusters and recommendations in one batch, null for unknown ids', async () => {
    const res = await data(entities, {
      r: [
        { __typename: 'Host', id: ids.h2 },
        { __typename: 'Cluster', id: ids.clusterB },
        { __typename: 'Host', id: ids.h4 },
        { __typename: 'DrsRecommendation', id: ids.rHigh },
        { __typename: 'Host', id: randomUUID() },
        { __typename: 'Cluster', id: 'malformed' },
        { __typename: 'DrsRecommendation', id: ids.rDangling },
      ],
    });
    expect(res._entities).toEqual([
      { id: ids.h2, hostname: 'h2', cluster: { name: 'alpha' } },
      { id: ids.clusterB, name: 'bravo', drsStatus: { pendingRecommendations: 1 } },
      { id: ids.h4, hostname: 'h4', cluster: { name: 'bravo' } },
      { id: ids.rHigh, sourceHost: { hostname: 'h1' } },
      null,
      null,
      null,
    ]);
  });
});

describe('authorization', () => {
  const fields: { name: string; permission: Permission; source: string }[] = [
    { name: 'host', permission: 'host:read', source: `{ host(id: "${ids.h1}") { id } }` },
    { name: 'hosts', permission: 'host:read', source: '{ hosts { totalCount } }' },
    { name: 'cluster', permission: 'cluster:read', source: `{ cluster(id: "${ids.clusterA}") { id } }` },
    { name: 'clusters', permission: 'cluster:read', source: '{ clusters { id } }' },
    { name: 'drsRecommendations', permission: 'drs:read', source: '{ drsRecommendations { id } }' },
    { name: '_entities', permission: 'host:read', source: `{ _entities(representations: [{ __typename: "Host", id: "${ids.h1}" }]) { ... on Host { id } } }` },
  ];

  it.each(fields)('refuses $name without a viewer as UNAUTHENTICATED', async ({ source }) => {
    const res = await run(source, undefined, null);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it.each(fields)('refuses $name to a role without $permission as FORBIDDEN', async ({ source, permission }) => {
    const res = await withoutPermission('VIEWER', permission, () => run(source, undefined, VIEWER));
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it.each(fields)('lets a VIEWER read $name', async ({ source }) => {
    const res = await run(source, undefined, VIEWER);
    expect(res.errors).toBeUndefined();
  });
});

describe('createInfrastructureSubgraph', () => {
  it('refuses a non-positive overcommit ratio at start-up', async () => {
    await expect(
      createInfrastructureSubgraph({ db: db.prisma, audit: { write: async () => undefined }, overcommit: { memory: 0 }, ...refusingLiveDeps() }),
    ).rejects.toThrow(RangeError);
  });

  it('builds without touching the database, audit, agents, coordination or events (schema-only composition)', async () => {
    const built = await createInfrastructureSubgraph({
      ...refusingLiveDeps(),
      db: refusing<TestDb['prisma']>('db'),
      audit: refusing<AuditSink>('audit'),
      log: refusing<Logger>('log'),
    });
    expect(built.name).toBe('infrastructure');
  });
});
