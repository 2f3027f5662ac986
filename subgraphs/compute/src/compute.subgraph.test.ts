import { graphql } from 'graphql';
import { formatError, type Database, type RequestContext, type Viewer } from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createComputeSubgraph } from './index';
import { refusingLiveDeps } from './testing/fixtures';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
type ComputeSubgraph = Awaited<ReturnType<typeof createComputeSubgraph>>;

const viewer: Viewer = { userId: 'u1', username: 'vera', role: 'VIEWER' };
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
const MISSING = '00000000-0000-0000-0000-000000000000';
// Tests walk nested results freely; the assertions check their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('compute subgraph', () => {
  let db: TestDb;
  let subgraph: ComputeSubgraph;
  const ids: Record<string, string> = {};

  function run(source: string, variableValues?: Record<string, unknown>, who: Viewer | null = viewer, on = subgraph) {
    const base: RequestContext = { viewer: who, authError: null, clientIp: '127.0.0.1', requestId: 't' };
    return graphql({ schema: on.schema, source, variableValues, contextValue: on.createContext(base) });
  }

  /** The code a client sees: what the server's formatError makes of the first error. */
  async function errorCode(source: string, who: Viewer | null = viewer) {
    const error = (await run(source, undefined, who)).errors?.[0];
    return error ? formatError(error.toJSON(), error, () => undefined).extensions?.code : undefined;
  }

  async function data(source: string, variableValues?: Record<string, unknown>) {
    const res = await run(source, variableValues);
    expect(res.errors).toBeUndefined();
    return res.data as Json;
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    const p = db.prisma;
    ids.p1 = (await p.project.create({ data: { name: 'web' } })).id;
    ids.p2 = (await p.project.create({ data: { name: 'data' } })).id;
    const host = (hostname: string) => ({
      hostname,
      agentAddress: `${hostname}:7443`,
      capacityVcpus: 32,
      capacityMemoryMib: 65536,
      allocatableVcpus: 64,
      allocatableMemoryMib: 98304,
    });
    ids.h1 = (await p.host.create({ data: host('h1') })).id;
    ids.h2 = (await p.host.create({ data: host('h2') })).id;
    const pool = await p.storagePool.create({ data: { name: 'ceph', type: 'CEPH_RBD', capacityGib: 1000 } });
    ids.vol1 = (await p.volume.create({ data: { name: 'a-root', poolId: pool.id, projectId: ids.p1, sizeGib: 20 } })).id;
    ids.vol2 = (await p.volume.create({ data: { name: 'a-data', poolId: pool.id, projectId: ids.p1, sizeGib: 100 } })).id;
    ids.vol3 = (await p.volume.create({ data: { name: 'spare', poolId: pool.id, projectId: ids.p1, sizeGib: 10 } })).id;
    ids.net = (await p.virtualNetwork.create({ data: { name: 'lan', type: 'VLAN', vlanId: 10, cidr: '10.0.0.0/24', usableAddresses: 253 } })).id;
    ids.sg1 = (await p.securityGroup.create({ data: { name: 'web' } })).id;
    ids.sg2 = (await p.securityGroup.create({ data: { name: 'ssh' } })).id;
    ids.sg3 = (await p.securityGroup.create({ data: { name: 'unused' } })).id;

    ids.a = (await p.virtualMachine.create({
      data: {
        name: 'web-a', description: 'frontend', projectId: ids.p1, hostId: ids.h1, state: 'RUNNING',
        labels: { tier: 'web', env: 'prod' }, hostSelector: { gpu: 'none' }, vcpus: 2, memoryMib: 4096,
        image: 'ubuntu-24.04', restartPriority: 'HIGH', createdBy: 'alice', createdAt: at(1),
      },
    })).id;
    ids.b = (await p.virtualMachine.create({
      data: { name: 'web-b', projectId: ids.p1, hostId: ids.h1, state: 'STOPPED', desiredState: 'STOPPED', labels: { env: 'dev', tier: 'web' }, vcpus: 1, memoryMib: 1024, createdAt: at(2) },
    })).id;
    ids.c = (await p.virtualMachine.create({
      data: { name: 'DB-c', projectId: ids.p2, labels: { env: 'prod', tier: 'db' }, vcpus: 8, memoryMib: 32768, createdAt: at(3) },
    })).id;

    await p.vmDisk.create({ data: { vmId: ids.a, volumeId: ids.vol2, bootIndex: null } });
    await p.vmDisk.create({ data: { vmId: ids.a, volumeId: ids.vol1, bootIndex: 0, createdWithVm: true } });
    await p.vmNic.create({ data: { vmId: ids.a, networkId: ids.net, macAddress: '52:54:00:00:00:0a', ipAddress: '10.0.0.10', securityGroupIds: [ids.sg1, ids.sg2] } });
    await p.vmNic.create({ data: { vmId: ids.b, networkId: ids.net, macAddress: '52:54:00:00:00:0b', securityGroupIds: [ids.sg1], position: 0 } });
    await p.snapshot.create({ data: { vmId: ids.a, name: 'before-upgrade', includesMemory: true, createdAt: at(10) } });
    ids.rule = (await p.affinityRule.create({
      data: { name: 'spread-web', kind: 'ANTI_AFFINITY', enforcement: 'REQUIRED', members: { create: [{ vmId: ids.b }, { vmId: ids.a }] } },
    })).id;

    const task = (kind: string, targetId: string, minute: number, extra: object = {}) =>
      p.task.create({ data: { kind, targetType: 'VirtualMachine', targetId, createdAt: at(minute), ...extra } });
    ids.t1 = (await task('VM_CREATE', ids.a, 20, { state: 'SUCCEEDED', progress: 100, finishedAt: at(21) })).id;
    ids.t2 = (await task('VM_MIGRATE', ids.a, 22, { state: 'FAILED', errorCode: 'AGENT_TIMEOUT', errorMessage: 'agent h1 did not answer' })).id;
    ids.t3 = (await task('VM_START', ids.a, 24, { state: 'RUNNING', progress: 40, startedAt: at(24) })).id;
    ids.t4 = (await task('HOST_DRAIN', ids.h1, 26, { targetType: 'Host' })).id;

    // The live dependencies refuse every use: building and querying must not touch them.
    subgraph = await createComputeSubgraph({ db: db.prisma, audit: { write: async () => undefined }, ...refusingLiveDeps() });
  });

  afterAll(async () => {
    await db?.cleanup();
  });

  describe('virtualMachine', () => {
    it('returns a VM with its spec, labels, stubs and batched sub-lists', async () => {
      const { virtualMachine: vm } = await data(
        `query($id: ID!) { virtualMachine(id: $id) {
          id name description desiredState state createdBy createdAt updatedAt
          project { id } host { id } labels { key value }
          spec { vcpus memoryMib image restartPriority hostSelector { key value } }
          disks { volume { id } bootIndex }
          nics { network { id } macAddress ipAddress securityGroups { id } }
          snapshots { name includesMemory createdAt }
          affinityRules { name kind enforcement }
          tasks(first: 2) { totalCount edges { node { kind } } pageInfo { hasNextPage } }
        } }`,
        { id: ids.a },
      );
      expect(vm).toMatchObject({
        id: ids.a, name: 'web-a', description: 'frontend', desiredState: 'RUNNING', state: 'RUNNING', createdBy: 'alice',
        // DateTime values reach the HTTP layer as Dates and are written as ISO strings there.
        createdAt: at(1),
        project: { id: ids.p1 }, host: { id: ids.h1 },
        labels: [{ key: 'env', value: 'prod' }, { key: 'tier', value: 'web' }],
        spec: { vcpus: 2, memoryMib: 4096, image: 'ubuntu-24.04', restartPriority: 'HIGH', hostSelector: [{ key: 'gpu', value: 'none' }] },
        disks: [{ volume: { id: ids.vol1 }, bootIndex: 0 }, { volume: { id: ids.vol2 }, bootIndex: null }],
        nics: [{ network: { id: ids.net }, macAddress: '52:54:00:00:00:0a', ipAddress: '10.0.0.10', securityGroups: [{ id: ids.sg1 }, { id: ids.sg2 }] }],
        snapshots: [{ name: 'before-upgrade', includesMemory: true, createdAt: at(10) }],
        affinityRules: [{ name: 'spread-web', kind: 'ANTI_AFFINITY', enforcement: 'REQUIRED' }],
        tasks: { totalCount: 3, edges: [{ node: { kind: 'VM_START' } }, { node: { kind: 'VM_MIGRATE' } }], pageInfo: { hasNextPage: true } },
      });
    });

    it('returns empty lists and a null host for an unplaced VM without attachments', async () => {
      const { virtualMachine } = await data(
        `query($id: ID!) { virtualMachine(id: $id) { host { id } state desiredState disks { bootIndex } nics { macAddress } snapshots { id } affinityRules { id } tasks { totalCount edges { cursor } } } }`,
        { id: ids.c },
      );
      expect(virtualMachine).toEqual({ host: null, state: 'PENDING', desiredState: 'RUNNING', disks: [], nics: [], snapshots: [], affinityRules: [], tasks: { totalCount: 0, edges: [] } });
    });

    it('pages through a VM\'s tasks, newest first, with cursors', async () => {
      const q = `query($id: ID!, $after: String) { virtualMachine(id: $id) { tasks(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
      const first = (await data(q, { id: ids.a })).virtualMachine.tasks;
      const second = (await data(q, { id: ids.a, after: first.pageInfo.endCursor })).virtualMachine.tasks;
      expect(first.edges.map((e: Json) => e.node.id)).toEqual([ids.t3, ids.t2]);
      expect(second.edges.map((e: Json) => e.node.id)).toEqual([ids.t1]);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it.each([['an id that does not exist', MISSING], ['a malformed id', 'not-a-uuid']])('returns null for %s', async (_, id) => {
      expect(await data('query($id: ID!) { virtualMachine(id: $id) { id } }', { id })).toEqual({ virtualMachine: null });
    });
  });

  describe('virtualMachines', () => {
    const names = async (filter: object) =>
      (await data('query($f: VirtualMachineFilter) { virtualMachines(filter: $f) { totalCount edges { node { name } } } }', { f: filter }))
        .virtualMachines.edges.map((e: Json) => e.node.name);

    it('pages in creation order with opaque cursors and a stable total', async () => {
      const q = 'query($after: String) { virtualMachines(first: 2, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }';
      const first = (await data(q)).virtualMachines;
      expect(first.edges.map((e: Json) => e.node.name)).toEqual(['web-a', 'web-b']);
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
      const second = (await data(q, { after: first.pageInfo.endCursor })).virtualMachines;
      expect(second.edges.map((e: Json) => e.node.name)).toEqual(['DB-c']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect([first.totalCount, second.totalCount]).toEqual([3, 3]);
    });

    it.each([
      ['projectId', () => ({ projectId: ids.p2 }), ['DB-c']],
      ['hostId', () => ({ hostId: ids.h1 }), ['web-a', 'web-b']],
      ['states', () => ({ states: ['STOPPED', 'PENDING'] }), ['web-b', 'DB-c']],
      ['one label', () => ({ labels: [{ key: 'env', value: 'prod' }] }), ['web-a', 'DB-c']],
      ['all labels together', () => ({ labels: [{ key: 'env', value: 'prod' }, { key: 'tier', value: 'web' }] }), ['web-a']],
      ['a label no VM has', () => ({ labels: [{ key: 'zone', value: 'a' }] }), []],
      ['nameContains, ignoring case', () => ({ nameContains: 'db' }), ['DB-c']],
      ['several criteria at once', () => ({ projectId: ids.p1, states: ['RUNNING'], nameContains: 'WEB' }), ['web-a']],
    ])('filters by %s', async (_, filter, expected) => {
      expect(await names(filter())).toEqual(expected);
    });

    it('reports every malformed filter field with its path', async () => {
      const source = '{ virtualMachines(filter: { projectId: "x", hostId: "y", labels: [{ key: "", value: "v" }] }) { totalCount } }';
      const res = await run(source);
      expect(await errorCode(source)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toContain('filter.projectId: must be a UUID');
      expect(res.errors?.[0]?.message).toContain('filter.hostId: must be a UUID');
      expect(res.errors?.[0]?.message).toContain('filter.labels.0.key');
    });

    it.each([['a page larger than 500', '{ virtualMachines(first: 501) { totalCount } }'], ['a cursor it did not issue', '{ virtualMachines(after: "bogus") { totalCount } }']])(
      'refuses %s',
      async (_, source) => {
        expect(await errorCode(source)).toBe('BAD_USER_INPUT');
      },
    );
  });

  describe('affinityRules', () => {
    it('lists the rules with their member VMs, oldest first', async () => {
      expect(await data('{ affinityRules { id name kind enforcement virtualMachines { name } } }')).toEqual({
        affinityRules: [{ id: ids.rule, name: 'spread-web', kind: 'ANTI_AFFINITY', enforcement: 'REQUIRED', virtualMachines: [{ name: 'web-a' }, { name: 'web-b' }] }],
      });
    });
  });

  describe('tasks', () => {
    it('returns a task, with its error when it failed', async () => {
      const q = 'query($id: ID!) { task(id: $id) { kind state progress targetType targetId message error { code message } startedAt finishedAt } }';
      expect((await data(q, { id: ids.t2 })).task).toEqual({
        kind: 'VM_MIGRATE', state: 'FAILED', progress: 0, targetType: 'VirtualMachine', targetId: ids.a, message: null,
        error: { code: 'AGENT_TIMEOUT', message: 'agent h1 did not answer' }, startedAt: null, finishedAt: null,
      });
      expect((await data(q, { id: ids.t1 })).task).toMatchObject({ state: 'SUCCEEDED', progress: 100, error: null, finishedAt: at(21) });
    });

    it.each([['an id that does not exist', MISSING], ['a malformed id', '42']])('returns null for %s', async (_, id) => {
      expect(await data('query($id: ID!) { task(id: $id) { id } }', { id })).toEqual({ task: null });
    });

    it('pages newest first with cursors', async () => {
      const q = 'query($after: String) { tasks(first: 3, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
      const first = (await data(q)).tasks;
      expect(first.edges.map((e: Json) => e.node.id)).toEqual([ids.t4, ids.t3, ids.t2]);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = (await data(q, { after: first.pageInfo.endCursor })).tasks;
      expect(second.edges.map((e: Json) => e.node.id)).toEqual([ids.t1]);
      expect([first.totalCount, second.totalCount, second.pageInfo.hasNextPage]).toEqual([4, 4, false]);
    });

    it.each([
      ['targetId', () => ({ targetId: ids.h1 }), () => [ids.t4]],
      ['states', () => ({ states: ['FAILED', 'SUCCEEDED'] }), () => [ids.t2, ids.t1]],
      ['targetId and states', () => ({ targetId: ids.a, states: ['RUNNING'] }), () => [ids.t3]],
    ])('filters by %s', async (_, filter, expected) => {
      const res = await data('query($f: TaskFilter) { tasks(filter: $f) { edges { node { id } } } }', { f: filter() });
      expect(res.tasks.edges.map((e: Json) => e.node.id)).toEqual(expected());
    });
  });

  describe('entities', () => {
    const entities = async (representations: object[], selection: string) =>
      (await data(`query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations }))._entities;

    it('resolves VirtualMachine and Task references in one batch, null for unknown ids', async () => {
      expect(
        await entities(
          [
            { __typename: 'VirtualMachine', id: ids.b },
            { __typename: 'VirtualMachine', id: MISSING },
            { __typename: 'Task', id: ids.t3 },
            { __typename: 'VirtualMachine', id: ids.a },
          ],
          '... on VirtualMachine { name } ... on Task { kind }',
        ),
      ).toEqual([{ name: 'web-b' }, null, { kind: 'VM_START' }, { name: 'web-a' }]);
    });

    it('contributes Host.virtualMachines, paged per host', async () => {
      const [h1, h2] = await entities(
        [{ __typename: 'Host', id: ids.h1 }, { __typename: 'Host', id: ids.h2 }],
        '... on Host { id virtualMachines(first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(h1.virtualMachines).toMatchObject({ totalCount: 2, edges: [{ node: { name: 'web-a' } }], pageInfo: { hasNextPage: true } });
      expect(h2.virtualMachines).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const [next] = await entities(
        [{ __typename: 'Host', id: ids.h1 }],
        `... on Host { virtualMachines(first: 1, after: "${h1.virtualMachines.pageInfo.endCursor}") { totalCount edges { node { name } } pageInfo { hasNextPage } } }`,
      );
      expect(next.virtualMachines).toEqual({ totalCount: 2, edges: [{ node: { name: 'web-b' } }], pageInfo: { hasNextPage: false } });
    });

    it('contributes Volume.attachedTo from the VM disks', async () => {
      expect(
        await entities(
          [{ __typename: 'Volume', id: ids.vol1 }, { __typename: 'Volume', id: ids.vol3 }, { __typename: 'Volume', id: 'junk' }],
          '... on Volume { id attachedTo { name } }',
        ),
      ).toEqual([{ id: ids.vol1, attachedTo: { name: 'web-a' } }, { id: ids.vol3, attachedTo: null }, { id: 'junk', attachedTo: null }]);
    });

    it('contributes SecurityGroup.virtualMachines from the NICs', async () => {
      expect(
        await entities(
          [{ __typename: 'SecurityGroup', id: ids.sg1 }, { __typename: 'SecurityGroup', id: ids.sg2 }, { __typename: 'SecurityGroup', id: ids.sg3 }],
          '... on SecurityGroup { virtualMachines { name } }',
        ),
      ).toEqual([
        { virtualMachines: [{ name: 'web-a' }, { name: 'web-b' }] },
        { virtualMachines: [{ name: 'web-a' }] },
        { virtualMachines: [] },
      ]);
    });
  });

  describe('authorization', () => {
    it.each([
      ['virtualMachine', '{ virtualMachine(id: "00000000-0000-0000-0000-000000000000") { id } }'],
      ['virtualMachines', '{ virtualMachines { totalCount } }'],
      ['affinityRules', '{ affinityRules { id } }'],
      ['task', '{ task(id: "00000000-0000-0000-0000-000000000000") { id } }'],
      ['tasks', '{ tasks { totalCount } }'],
      ['_entities', '{ _entities(representations: [{ __typename: "VirtualMachine", id: "00000000-0000-0000-0000-000000000000" }]) { __typename } }'],
    ])('refuses %s without a viewer as UNAUTHENTICATED', async (_, source) => {
      expect(await errorCode(source, null)).toBe('UNAUTHENTICATED');
    });

    it('refuses contributed fields without a viewer', async () => {
      const source = '{ _entities(representations: [{ __typename: "Host", id: "00000000-0000-0000-0000-000000000000" }]) { ... on Host { virtualMachines { totalCount } } } }';
      expect(await errorCode(source, null)).toBe('UNAUTHENTICATED');
    });

    // Every role holds vm:read, affinity:read and task:read (the role table in the platform),
    // so no read here can be FORBIDDEN; this pins that the least role really reads them all.
    it('lets a VIEWER read VMs, affinity rules and tasks', async () => {
      const res = await run('{ virtualMachines { totalCount } affinityRules { id } tasks { totalCount } }', undefined, { ...viewer, role: 'VIEWER' });
      expect(res.errors).toBeUndefined();
    });
  });

  describe('batching', () => {
    it('reads a page of VMs with every sub-list in the same number of queries whatever the page size', async () => {
      let queries = 0;
      const counted = db.prisma.$extends({
        query: {
          async $allOperations({ args, query }) {
            queries += 1;
            return query(args);
          },
        },
      }) as unknown as Database;
      const countedSubgraph = await createComputeSubgraph({ db: counted, audit: { write: async () => undefined }, ...refusingLiveDeps() });
      const cost = async (first: number) => {
        queries = 0;
        const res = await run(
          `{ virtualMachines(first: ${first}) { edges { node { name host { id } project { id } disks { bootIndex } nics { macAddress }
             snapshots { name } affinityRules { name virtualMachines { name } } tasks(first: 2) { totalCount } } } } }`,
          undefined,
          viewer,
          countedSubgraph,
        );
        expect(res.errors).toBeUndefined();
        return queries;
      };
      const one = await cost(1);
      expect(await cost(3)).toBe(one);
      expect(one).toBeLessThanOrEqual(12);
    });
  });
});
