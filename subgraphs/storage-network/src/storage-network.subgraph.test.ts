import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLError } from 'graphql';
import { toGraphQLError, type Database, type RequestContext, type Role } from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createStorageNetworkSubgraph } from './index';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

const viewer = (role: Role): RequestContext['viewer'] => ({ userId: randomUUID(), username: `a-${role.toLowerCase()}`, role });
const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, second));

/** The code a client would see: what the platform's formatError makes of the error. */
const codeOf = (error: GraphQLError | undefined) => toGraphQLError(error?.originalError)?.extensions.code;

describe('storage-network subgraph', () => {
  let db: TestDb;
  /** Prisma operations the subgraph ran, as `model.operation`, for the batching checks. */
  const operations: string[] = [];
  let run: (source: string, variableValues?: Record<string, unknown>, role?: Role | null) => ReturnType<typeof graphql>;

  const ids = {
    hostA: randomUUID(), hostB: randomUUID(), hostC: randomUUID(),
    projectA: randomUUID(), projectB: randomUUID(),
    ceph: randomUUID(), lvm: randomUUID(), nfs: randomUUID(),
    volumes: Array.from({ length: 5 }, () => randomUUID()),
    net: randomUUID(), emptyNet: randomUUID(),
    webGroup: randomUUID(), defaultGroup: randomUUID(),
    rules: Array.from({ length: 3 }, () => randomUUID()),
  };

  beforeAll(async () => {
    db = await openTestDatabase();
    const prisma = db.prisma;
    await prisma.host.createMany({
      data: [ids.hostA, ids.hostB, ids.hostC].map((id, i) => ({
        id, hostname: `hv-${i}`, agentAddress: `10.1.0.${i + 1}:7443`, createdAt: at(i),
        capacityVcpus: 32, capacityMemoryMib: 131072, allocatableVcpus: 128, allocatableMemoryMib: 196608,
      })),
    });
    await prisma.project.createMany({ data: [{ id: ids.projectA, name: 'alpha' }, { id: ids.projectB, name: 'beta' }] });
    await prisma.storagePool.createMany({
      data: [
        { id: ids.ceph, name: 'ceph-ssd', type: 'CEPH_RBD', capacityGib: 10240, allocatedGib: 120, createdAt: at(10) },
        { id: ids.lvm, name: 'local-hv1', type: 'LOCAL_LVM', hostId: ids.hostB, capacityGib: 2048, phase: 'DEGRADED', createdAt: at(11) },
        { id: ids.nfs, name: 'nfs-archive', type: 'NFS', capacityGib: 50000, createdAt: at(12) },
      ],
    });
    // Four volumes in ceph (three of project alpha), one in the local pool.
    await prisma.volume.createMany({
      data: ids.volumes.map((id, i) => ({
        id, name: `vol-${i}`, poolId: i === 4 ? ids.lvm : ids.ceph, projectId: i === 3 ? ids.projectB : ids.projectA,
        sizeGib: 10 * (i + 1), provisioning: i === 0 ? 'THICK' : 'THIN', phase: 'AVAILABLE', createdAt: at(20 + i),
      })),
    });
    await prisma.virtualNetwork.createMany({
      data: [
        { id: ids.net, name: 'prod', type: 'VLAN', vlanId: 100, cidr: '10.0.0.0/24', gateway: '10.0.0.1', usableAddresses: 253, createdAt: at(30) },
        { id: ids.emptyNet, name: 'lab', type: 'OVERLAY', cidr: '172.16.0.0/30', dhcpEnabled: false, usableAddresses: 2, createdAt: at(31) },
      ],
    });
    await prisma.ipAllocation.createMany({ data: ['10.0.0.2', '10.0.0.3', '10.0.0.4'].map((address) => ({ networkId: ids.net, address })) });
    await prisma.securityGroup.createMany({
      data: [
        { id: ids.defaultGroup, name: 'default', isDefault: true, createdAt: at(40) },
        { id: ids.webGroup, name: 'web', description: 'HTTP in', createdAt: at(41) },
      ],
    });
    await prisma.securityRule.createMany({
      data: [
        { id: ids.rules[0]!, securityGroupId: ids.webGroup, direction: 'INBOUND', protocol: 'TCP', portRange: '443', remoteCidr: '0.0.0.0/0', action: 'ALLOW', priority: 200, createdAt: at(50) },
        { id: ids.rules[1]!, securityGroupId: ids.webGroup, direction: 'INBOUND', protocol: 'TCP', portRange: '8000-8080', remoteCidr: '10.0.0.0/8', action: 'ALLOW', priority: 100, createdAt: at(52) },
        { id: ids.rules[2]!, securityGroupId: ids.webGroup, direction: 'INBOUND', protocol: 'ANY', remoteCidr: '0.0.0.0/0', action: 'DENY', priority: 100, description: 'deny rest', createdAt: at(51) },
      ],
    });

    const counted = prisma.$extends({
      query: {
        $allOperations: ({ model, operation, args, query }) => {
          operations.push(`${model}.${operation}`);
          return query(args);
        },
      },
    }) as unknown as Database;
    const subgraph = await createStorageNetworkSubgraph({ db: counted, audit: { write: async () => undefined } });
    run = (source, variableValues, role = 'VIEWER') =>
      graphql({
        schema: subgraph.schema,
        source,
        variableValues,
        contextValue: subgraph.createContext({ viewer: role ? viewer(role) : null, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
      });
  });

  afterAll(async () => {
    await db.cleanup();
  });

  describe('storage pools', () => {
    it('returns a pool by id with its capacity, and null for an unknown or malformed id', async () => {
      const res = await run(
        'query($a: ID!, $b: ID!, $c: ID!) { a: storagePool(id: $a) { id name type phase capacityGib allocatedGib createdAt } b: storagePool(id: $b) { id } c: storagePool(id: $c) { id } }',
        { a: ids.ceph, b: randomUUID(), c: 'not-a-uuid' },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { id: ids.ceph, name: 'ceph-ssd', type: 'CEPH_RBD', phase: 'READY', capacityGib: 10240, allocatedGib: 120, createdAt: at(10) },
        b: null,
        c: null,
      });
    });

    it('lists pools oldest first; a local pool reaches its one host and shared pools reach every host', async () => {
      const res = await run('{ storagePools { name phase hosts { id } } }');
      expect(res.errors).toBeUndefined();
      const all = [{ id: ids.hostA }, { id: ids.hostB }, { id: ids.hostC }];
      expect(res.data).toEqual({
        storagePools: [
          { name: 'ceph-ssd', phase: 'READY', hosts: all },
          { name: 'local-hv1', phase: 'DEGRADED', hosts: [{ id: ids.hostB }] },
          { name: 'nfs-archive', phase: 'READY', hosts: all },
        ],
      });
    });

    it('pages through a pool\'s volumes with cursors and counts each pool\'s total', async () => {
      const query = 'query($after: String) { storagePools { name volumes(first: 3, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } } }';
      const first = await run(query);
      expect(first.errors).toBeUndefined();
      const pools = (first.data as { storagePools: { name: string; volumes: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }[] }).storagePools;
      expect(pools.map((p) => [p.name, p.volumes.totalCount, p.volumes.edges.map((e) => e.node.name), p.volumes.pageInfo.hasNextPage])).toEqual([
        ['ceph-ssd', 4, ['vol-0', 'vol-1', 'vol-2'], true],
        ['local-hv1', 1, ['vol-4'], false],
        ['nfs-archive', 0, [], false],
      ]);
      const next = await run('query($id: ID!, $after: String) { storagePool(id: $id) { volumes(first: 3, after: $after) { edges { node { name } } pageInfo { hasNextPage } } } }', {
        id: ids.ceph,
        after: pools[0]?.volumes.pageInfo.endCursor,
      });
      expect(next.data).toEqual({ storagePool: { volumes: { edges: [{ node: { name: 'vol-3' } }], pageInfo: { hasNextPage: false } } } });
    });

    it('reads hosts, volume counts and pages of all pools with one query per kind, not one per pool', async () => {
      operations.length = 0;
      const res = await run('{ storagePools { hosts { id } volumes(first: 1) { totalCount } } }');
      expect(res.errors).toBeUndefined();
      const count = (op: string) => operations.filter((o) => o === op).length;
      expect(count('Host.findMany')).toBe(1);
      expect(count('Volume.groupBy')).toBe(1);
      expect(count('StoragePool.findMany')).toBe(1);
    });
  });

  describe('volumes', () => {
    it('returns a volume with its pool and a project stub, and null for an unknown or malformed id', async () => {
      const res = await run(
        'query($a: ID!, $b: ID!) { a: volume(id: $a) { id name sizeGib provisioning phase pool { id name } project { id } } b: volume(id: $b) { id } c: volume(id: "x") { id } }',
        { a: ids.volumes[0], b: randomUUID() },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { id: ids.volumes[0], name: 'vol-0', sizeGib: 10, provisioning: 'THICK', phase: 'AVAILABLE', pool: { id: ids.ceph, name: 'ceph-ssd' }, project: { id: ids.projectA } },
        b: null,
        c: null,
      });
    });

    it('pages through all volumes oldest first, following endCursor until the last page', async () => {
      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res = await run('query($after: String) { volumes(first: 2, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }', { after });
        expect(res.errors).toBeUndefined();
        const page = (res.data as { volumes: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }).volumes;
        expect(page.totalCount).toBe(5);
        names.push(...page.edges.map((e) => e.node.name));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(3);
      expect(names).toEqual(['vol-0', 'vol-1', 'vol-2', 'vol-3', 'vol-4']);
    });

    it.each([
      ['project alpha', () => ids.projectA, ['vol-0', 'vol-1', 'vol-2', 'vol-4']],
      ['project beta', () => ids.projectB, ['vol-3']],
      ['an unknown project', () => randomUUID(), []],
      ['a malformed project id', () => 'nope', []],
    ])('filters volumes by %s', async (_case, projectId, expected) => {
      const res = await run('query($p: ID) { volumes(projectId: $p) { totalCount edges { node { name } } } }', { p: projectId() });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ volumes: { totalCount: expected.length, edges: expected.map((name) => ({ node: { name } })) } });
    });

    it.each([
      ['a page size above 500', { first: 501 }],
      ['a negative page size', { first: -1 }],
      ['a cursor we did not issue', { after: 'garbage' }],
      // A well-formed cursor holding a non-UUID id used to reach PostgreSQL's uuid comparison.
      ['a forged cursor with a non-uuid id', { after: Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url') }],
    ])('refuses %s as bad user input', async (_case, args) => {
      const res = await run('query($first: Int, $after: String) { volumes(first: $first, after: $after) { totalCount } }', args);
      expect(codeOf(res.errors?.[0])).toBe('BAD_USER_INPUT');
    });
  });

  describe('networks', () => {
    it('returns a network with its free addresses, and null for an unknown or malformed id', async () => {
      const res = await run(
        'query($a: ID!, $b: ID!) { a: network(id: $a) { id name type vlanId cidr gateway dhcpEnabled freeAddresses } b: network(id: $b) { id } c: network(id: "1") { id } }',
        { a: ids.net, b: randomUUID() },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { id: ids.net, name: 'prod', type: 'VLAN', vlanId: 100, cidr: '10.0.0.0/24', gateway: '10.0.0.1', dhcpEnabled: true, freeAddresses: 250 },
        b: null,
        c: null,
      });
    });

    it('lists networks oldest first, counting allocations for all of them in one query', async () => {
      operations.length = 0;
      const res = await run('{ networks { name freeAddresses gateway } }');
      expect(res.data).toEqual({ networks: [{ name: 'prod', freeAddresses: 250, gateway: '10.0.0.1' }, { name: 'lab', freeAddresses: 2, gateway: null }] });
      expect(operations.filter((o) => o === 'IpAllocation.groupBy')).toHaveLength(1);
    });
  });

  describe('security groups', () => {
    it('returns a group with its rules by priority, then oldest first', async () => {
      const res = await run('query($id: ID!) { securityGroup(id: $id) { name description isDefault rules { id protocol portRange remoteCidr action priority description } } }', { id: ids.webGroup });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        securityGroup: {
          name: 'web',
          description: 'HTTP in',
          isDefault: false,
          rules: [
            { id: ids.rules[2], protocol: 'ANY', portRange: null, remoteCidr: '0.0.0.0/0', action: 'DENY', priority: 100, description: 'deny rest' },
            { id: ids.rules[1], protocol: 'TCP', portRange: '8000-8080', remoteCidr: '10.0.0.0/8', action: 'ALLOW', priority: 100, description: null },
            { id: ids.rules[0], protocol: 'TCP', portRange: '443', remoteCidr: '0.0.0.0/0', action: 'ALLOW', priority: 200, description: null },
          ],
        },
      });
    });

    it('lists groups oldest first, loading every group\'s rules in one query', async () => {
      operations.length = 0;
      const res = await run('{ securityGroups { name isDefault rules { priority } } missing: securityGroup(id: "bad") { id } }');
      expect(res.data).toEqual({
        securityGroups: [
          { name: 'default', isDefault: true, rules: [] },
          { name: 'web', isDefault: false, rules: [{ priority: 100 }, { priority: 100 }, { priority: 200 }] },
        ],
        missing: null,
      });
      expect(operations.filter((o) => o === 'SecurityRule.findMany')).toHaveLength(1);
    });
  });

  describe('entity references', () => {
    it('resolves each owned entity through _entities in one query per type, null for unknown ids', async () => {
      operations.length = 0;
      const res = await run(
        `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on StoragePool { name hosts { id } }
          ... on Volume { name pool { name } }
          ... on VirtualNetwork { name freeAddresses }
          ... on SecurityGroup { name rules { priority } }
        } }`,
        {
          r: [
            { __typename: 'StoragePool', id: ids.lvm },
            { __typename: 'Volume', id: ids.volumes[1] },
            { __typename: 'Volume', id: ids.volumes[4] },
            { __typename: 'VirtualNetwork', id: ids.emptyNet },
            { __typename: 'SecurityGroup', id: ids.defaultGroup },
            { __typename: 'Volume', id: randomUUID() },
            { __typename: 'StoragePool', id: 'not-a-uuid' },
          ],
        },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        _entities: [
          { name: 'local-hv1', hosts: [{ id: ids.hostB }] },
          { name: 'vol-1', pool: { name: 'ceph-ssd' } },
          { name: 'vol-4', pool: { name: 'local-hv1' } },
          { name: 'lab', freeAddresses: 2 },
          { name: 'default', rules: [] },
          null,
          null,
        ],
      });
      expect(operations.filter((o) => o === 'Volume.findMany')).toHaveLength(1);
      // One for the referenced pool, one a level deeper for the volumes' pools.
      expect(operations.filter((o) => o === 'StoragePool.findMany')).toHaveLength(2);
      // A local pool alone never needs the host list.
      expect(operations.filter((o) => o === 'Host.findMany')).toHaveLength(0);
    });
  });

  describe('authorization', () => {
    const queries = [
      ['storagePool', `{ storagePool(id: "${randomUUID()}") { id } }`],
      ['storagePools', '{ storagePools { id } }'],
      ['volume', `{ volume(id: "${randomUUID()}") { id } }`],
      ['volumes', '{ volumes { totalCount } }'],
      ['network', `{ network(id: "${randomUUID()}") { id } }`],
      ['networks', '{ networks { id } }'],
      ['securityGroup', `{ securityGroup(id: "${randomUUID()}") { id } }`],
      ['securityGroups', '{ securityGroups { id } }'],
    ];

    it.each(queries)('refuses %s without a viewer as UNAUTHENTICATED', async (_field, source) => {
      const res = await run(source as string, undefined, null);
      expect(res.errors).toHaveLength(1);
      expect(codeOf(res.errors?.[0])).toBe('UNAUTHENTICATED');
    });

    it('refuses entity references without a viewer as UNAUTHENTICATED', async () => {
      const res = await run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Volume { name } } }', { r: [{ __typename: 'Volume', id: ids.volumes[0] }] }, null);
      expect(codeOf(res.errors?.[0])).toBe('UNAUTHENTICATED');
    });

    // Every role holds storage:read and network:read (the role table's READ_INVENTORY), so no
    // role can be refused with FORBIDDEN here; this pins that each one reads everything.
    it.each<Role>(['ADMIN', 'OPERATOR', 'VIEWER'])('lets %s read every query field', async (role) => {
      for (const [, source] of queries) {
        const res = await run(source as string, undefined, role);
        expect(res.errors).toBeUndefined();
      }
    });
  });
});
