import { graphql, type ExecutionResult } from 'graphql';
import { formatError, type Subgraph, type Viewer } from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createOpsSubgraph, type OpsContext } from './index';

// Tests walk response JSON freely; the assertions check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

// Every ops Query field, the project mutations, entity references and authorization,
// against a real (PGlite or TEST_DATABASE_URL) database seeded with Prisma.

type Db = Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let subgraph: Subgraph<OpsContext>;
const audit: unknown[] = [];
const T0 = new Date('2030-03-01T12:00:00Z').getTime();
const at = (seconds: number) => new Date(T0 + seconds * 1000);

const viewers = {} as Record<'ada' | 'olivia' | 'victor', Viewer>;
const ids = { users: [] as string[], web: '', batch: '', rules: [] as string[], alerts: [] as string[] };

async function run(source: string, variables: Record<string, unknown> = {}, viewer: Viewer | null = viewers.ada) {
  return graphql({
    schema: subgraph.schema,
    source,
    variableValues: variables,
    contextValue: subgraph.createContext({ viewer, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
  }) as Promise<ExecutionResult<Json>>;
}
const codes = (res: ExecutionResult) => (res.errors ?? []).map((e) => formatError(e.toJSON(), e, () => undefined).extensions?.code);

beforeAll(async () => {
  db = await openTestDatabase();
  subgraph = await createOpsSubgraph({ db: db.prisma, audit: { write: async (r) => void audit.push(r) }, jwtSecret: new Uint8Array(32) });
  const seedUsers = [['ada', 'ADMIN'], ['olivia', 'OPERATOR'], ['victor', 'VIEWER'], ['u4', 'VIEWER'], ['u5', 'VIEWER']] as const;
  for (const [i, [username, role]] of seedUsers.entries()) {
    const row = await db.prisma.user.create({ data: { username, email: `${username}@example.com`, role, passwordHash: 'x', createdAt: at(i) } });
    ids.users.push(row.id);
    if (username === 'ada' || username === 'olivia' || username === 'victor') viewers[username] = { userId: row.id, username, role };
  }
  ids.web = (await db.prisma.project.create({
    data: { name: 'web', description: 'Web tier', quotaVcpus: 32, quotaMemoryMib: 65536, quotaVms: 10, usedVcpus: 8, usedMemoryMib: 16384, usedVms: 4, usedStorageGib: 100, createdAt: at(0) },
  })).id;
  ids.batch = (await db.prisma.project.create({ data: { name: 'batch', createdAt: at(1) } })).id;
  for (const [i, name] of ['cpu-high', 'pool-full'].entries()) {
    ids.rules.push((await db.prisma.alertRule.create({
      data: { name, metric: i ? 'POOL_ALLOCATED_PERCENT' : 'HOST_CPU_PERCENT', comparison: 'GT', threshold: 90, forSeconds: 60, severity: 'WARNING', createdAt: at(i) },
    })).id);
  }
  // Six alerts, one a minute; index = age order (0 oldest).
  const alerts = [
    { severity: 'CRITICAL', state: 'FIRING', sourceId: 'host-1', ruleId: ids.rules[0] },
    { severity: 'WARNING', state: 'RESOLVED', sourceId: 'host-1', ruleId: ids.rules[0] },
    { severity: 'WARNING', state: 'FIRING', sourceId: 'pool-1', ruleId: ids.rules[1] },
    { severity: 'INFO', state: 'ACKNOWLEDGED', sourceId: 'host-2', ruleId: null },
    { severity: 'CRITICAL', state: 'ACKNOWLEDGED', sourceId: 'host-1', ruleId: null },
    { severity: 'INFO', state: 'FIRING', sourceId: null, ruleId: null },
  ] as const;
  for (const [i, a] of alerts.entries()) {
    ids.alerts.push((await db.prisma.alert.create({
      data: { ...a, title: `alert ${i}`, sourceType: a.sourceId?.startsWith('pool') ? 'StoragePool' : 'Host', createdAt: at(i * 60) },
    })).id);
  }
  const entries = [
    ['ada', 'createProject', 'p-1', 'SUCCESS'],
    ['olivia', 'createVirtualMachine', 'vm-1', 'SUCCESS'],
    ['olivia', 'startVirtualMachine', 'vm-1', 'SUCCESS'],
    ['victor', 'createUser', null, 'DENIED'],
    ['olivia', 'stopVirtualMachine', 'vm-1', 'USER_ERROR'],
  ] as const;
  for (const [i, [actor, action, resourceId, outcome]] of entries.entries()) {
    await db.prisma.auditEntry.create({ data: { actor, action, resourceId, outcome, details: { input: { n: i } }, ipAddress: '10.0.0.1', at: at(i * 60) } });
  }
});
afterAll(async () => {
  await db.cleanup();
});

describe('me', () => {
  it('returns the caller, whatever the role', async () => {
    expect((await run('{ me { username role } }', {}, viewers.victor)).data).toEqual({ me: { username: 'victor', role: 'VIEWER' } });
  });

  it('returns null, not an error, without a viewer', async () => {
    expect(await run('{ me { id } }', {}, null)).toEqual({ data: { me: null } });
  });
});

describe('users', () => {
  const USERS = 'query($first: Int, $after: String) { users(first: $first, after: $after) { id username } }';

  it('pages through users in creation order, continuing after the last id', async () => {
    const names: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await run(USERS, { first: 2, after }, viewers.olivia)).data?.users as { id: string; username: string }[];
      if (!page.length) break;
      names.push(...page.map((u) => u.username));
      after = page.at(-1)?.id;
    }
    expect(names).toEqual(['ada', 'olivia', 'victor', 'u4', 'u5']);
  });

  it('rejects an after that is not a user id, and a page over 500', async () => {
    expect(codes(await run(USERS, { after: 'bogus' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(USERS, { after: '00000000-0000-4000-8000-000000000000' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(USERS, { first: 501 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('is FORBIDDEN to a VIEWER and UNAUTHENTICATED without a viewer', async () => {
    expect(codes(await run(USERS, {}, viewers.victor))).toEqual(['FORBIDDEN']);
    expect(codes(await run(USERS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('projects', () => {
  const FIELDS = 'id name description quota { vcpus memoryMib vms storageGib } usage { vcpus memoryMib vms storageGib }';

  it('lists projects with quota (null = unlimited) and usage from the row counters', async () => {
    const res = await run(`{ projects { ${FIELDS} } }`, {}, viewers.victor);
    expect(res.data?.projects.slice(0, 2)).toEqual([
      { id: ids.web, name: 'web', description: 'Web tier', quota: { vcpus: 32, memoryMib: 65536, vms: 10, storageGib: null }, usage: { vcpus: 8, memoryMib: 16384, vms: 4, storageGib: 100 } },
      { id: ids.batch, name: 'batch', description: null, quota: { vcpus: null, memoryMib: null, vms: null, storageGib: null }, usage: { vcpus: 0, memoryMib: 0, vms: 0, storageGib: 0 } },
    ]);
  });

  it('finds one project by id, and returns null for an unknown or malformed id', async () => {
    const one = (id: string) => run('query($id: ID!) { project(id: $id) { name } }', { id }, viewers.victor);
    expect((await one(ids.batch)).data).toEqual({ project: { name: 'batch' } });
    expect(await one('00000000-0000-4000-8000-000000000000')).toEqual({ data: { project: null } });
    expect(await one('not-a-uuid')).toEqual({ data: { project: null } });
  });

  it('is UNAUTHENTICATED without a viewer', async () => {
    expect(codes(await run('{ projects { id } }', {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('createProject', () => {
  const CREATE = `mutation($i: CreateProjectInput!) { createProject(input: $i) {
    project { name description quota { vcpus memoryMib vms storageGib } usage { vms } } userErrors { field code message } } }`;

  it('creates a project; limits left out are unlimited', async () => {
    const res = await run(CREATE, { i: { name: ' analytics ', quota: { vcpus: 16, vms: 0 } } });
    expect(res.data?.createProject).toEqual({
      project: { name: 'analytics', description: null, quota: { vcpus: 16, memoryMib: null, vms: 0, storageGib: null }, usage: { vms: 0 } },
      userErrors: [],
    });
    expect(audit.at(-1)).toMatchObject({ action: 'createProject', outcome: 'SUCCESS', resourceType: 'Project' });
  });

  it('reports a taken name as a CONFLICT and negative limits as INVALID, each on its field', async () => {
    expect((await run(CREATE, { i: { name: 'web' } })).data?.createProject.userErrors).toEqual([
      { field: ['input', 'name'], code: 'CONFLICT', message: 'a project named "web" already exists' },
    ]);
    const res = await run(CREATE, { i: { name: 'neg', quota: { vcpus: -1, storageGib: -5 } } });
    expect(res.data?.createProject.userErrors.map((e: { field: string[] }) => e.field)).toEqual([
      ['input', 'quota', 'vcpus'],
      ['input', 'quota', 'storageGib'],
    ]);
  });

  it('is FORBIDDEN to an OPERATOR', async () => {
    const res = await run(CREATE, { i: { name: 'ops-made' } }, viewers.olivia);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(await db.prisma.project.count({ where: { name: 'ops-made' } })).toBe(0);
  });
});

describe('setProjectQuota', () => {
  const SET = `mutation($i: SetProjectQuotaInput!) { setProjectQuota(input: $i) {
    project { quota { vcpus memoryMib vms storageGib } } userErrors { field code message } } }`;

  it('changes given limits, keeps absent ones and makes null ones unlimited', async () => {
    const res = await run(SET, { i: { projectId: ids.web, quota: { vcpus: 8, vms: null } } });
    expect(res.data?.setProjectQuota).toEqual({ project: { quota: { vcpus: 8, memoryMib: 65536, vms: null, storageGib: null } }, userErrors: [] });
  });

  it('refuses to lower limits below current usage, naming each one, and changes nothing', async () => {
    const res = await run(SET, { i: { projectId: ids.web, quota: { vcpus: 4, memoryMib: 1024, vms: 10 } } });
    expect(res.data?.setProjectQuota).toEqual({
      project: null,
      userErrors: [
        { field: ['input', 'quota', 'vcpus'], code: 'QUOTA_EXCEEDED', message: 'vcpus limit 4 is below current usage 8: free resources first or set at least 8' },
        { field: ['input', 'quota', 'memoryMib'], code: 'QUOTA_EXCEEDED', message: 'memoryMib limit 1024 is below current usage 16384: free resources first or set at least 16384' },
      ],
    });
    const row = await db.prisma.project.findUniqueOrThrow({ where: { id: ids.web } });
    expect([row.quotaVcpus, row.quotaMemoryMib]).toEqual([8, 65536]);
  });

  it('reports an unknown or malformed project id as NOT_FOUND on input.projectId', async () => {
    for (const projectId of ['00000000-0000-4000-8000-000000000000', 'nope']) {
      const res = await run(SET, { i: { projectId, quota: { vcpus: 1 } } });
      expect(res.data?.setProjectQuota.userErrors).toEqual([{ field: ['input', 'projectId'], code: 'NOT_FOUND', message: `no project with id ${projectId}` }]);
    }
  });

  it('is FORBIDDEN to an OPERATOR', async () => {
    expect(codes(await run(SET, { i: { projectId: ids.batch, quota: { vcpus: 1 } } }, viewers.olivia))).toEqual(['FORBIDDEN']);
  });
});

describe('alerts', () => {
  const ALERTS = `query($filter: AlertFilter, $first: Int, $after: String) { alerts(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { title state severity sourceId rule { name } } } } }`;
  const titles = (res: ExecutionResult<Json>) => res.data?.alerts.edges.map((e: { node: { title: string } }) => e.node.title);

  it('pages newest first with cursors', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res = await run(ALERTS, { first: 4, after }, viewers.victor);
      expect(res.data?.alerts.totalCount).toBe(6);
      seen.push(...titles(res));
      after = res.data?.alerts.pageInfo.hasNextPage ? res.data.alerts.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(seen).toEqual(['alert 5', 'alert 4', 'alert 3', 'alert 2', 'alert 1', 'alert 0']);
  });

  it.each([
    ['states', { states: ['FIRING'] }, ['alert 5', 'alert 2', 'alert 0']],
    ['severities', { severities: ['CRITICAL', 'INFO'] }, ['alert 5', 'alert 4', 'alert 3', 'alert 0']],
    ['sourceId', { sourceId: 'host-1' }, ['alert 4', 'alert 1', 'alert 0']],
    ['all three at once', { states: ['FIRING', 'ACKNOWLEDGED'], severities: ['CRITICAL'], sourceId: 'host-1' }, ['alert 4', 'alert 0']],
    ['empty lists, which do not filter', { states: [], severities: [] }, ['alert 5', 'alert 4', 'alert 3', 'alert 2', 'alert 1', 'alert 0']],
  ])('filters by %s, counting only matches', async (_name, filter, expected) => {
    const res = await run(ALERTS, { filter }, viewers.victor);
    expect(titles(res)).toEqual(expected);
    expect(res.data?.alerts.totalCount).toBe(expected.length);
  });

  it('resolves the rule that raised an alert, null when none did', async () => {
    const res = await run(ALERTS, { filter: { sourceId: 'host-1' } });
    expect(res.data?.alerts.edges.map((e: { node: { rule: unknown } }) => e.node.rule)).toEqual([null, { name: 'cpu-high' }, { name: 'cpu-high' }]);
  });

  it('rejects a cursor it did not issue, and is UNAUTHENTICATED without a viewer', async () => {
    expect(codes(await run(ALERTS, { after: 'garbage' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await run(ALERTS, {}, null))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('alertRules', () => {
  it('lists the rules to any role', async () => {
    const res = await run('{ alertRules { name metric comparison threshold forSeconds severity enabled } }', {}, viewers.victor);
    expect(res.data?.alertRules).toEqual([
      { name: 'cpu-high', metric: 'HOST_CPU_PERCENT', comparison: 'GT', threshold: 90, forSeconds: 60, severity: 'WARNING', enabled: true },
      { name: 'pool-full', metric: 'POOL_ALLOCATED_PERCENT', comparison: 'GT', threshold: 90, forSeconds: 60, severity: 'WARNING', enabled: true },
    ]);
  });
});

describe('auditLog', () => {
  const LOG = `query($filter: AuditFilter, $first: Int, $after: String) { auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { actor action resourceId outcome details ipAddress at } } } }`;
  const actions = (res: ExecutionResult<Json>) => res.data?.auditLog.edges.map((e: { node: { action: string } }) => e.node.action);
  // The mutations above were audited to a fake sink, so the table holds only the seeded rows.

  it('pages newest first by `at`, with cursors', async () => {
    const first = await run(LOG, { first: 3 }, viewers.olivia);
    expect(actions(first)).toEqual(['stopVirtualMachine', 'createUser', 'startVirtualMachine']);
    expect(first.data?.auditLog.edges[0].node).toMatchObject({ details: { input: { n: 4 } }, ipAddress: '10.0.0.1', at: at(240) });
    const second = await run(LOG, { first: 3, after: first.data?.auditLog.pageInfo.endCursor }, viewers.olivia);
    expect(actions(second)).toEqual(['createVirtualMachine', 'createProject']);
    expect(second.data?.auditLog.pageInfo).toMatchObject({ hasNextPage: false });
    expect(second.data?.auditLog.totalCount).toBe(5);
  });

  it.each([
    ['actor', { actor: 'olivia' }, ['stopVirtualMachine', 'startVirtualMachine', 'createVirtualMachine']],
    ['action', { action: 'createUser' }, ['createUser']],
    ['resourceId', { resourceId: 'vm-1' }, ['stopVirtualMachine', 'startVirtualMachine', 'createVirtualMachine']],
    ['since (inclusive)', { since: at(120).toISOString() }, ['stopVirtualMachine', 'createUser', 'startVirtualMachine']],
    ['actor and since', { actor: 'olivia', since: at(121).toISOString() }, ['stopVirtualMachine']],
  ])('filters by %s', async (_name, filter, expected) => {
    const res = await run(LOG, { filter });
    expect(actions(res)).toEqual(expected);
    expect(res.data?.auditLog.totalCount).toBe(expected.length);
  });

  it('is FORBIDDEN to a VIEWER', async () => {
    expect(codes(await run(LOG, {}, viewers.victor))).toEqual(['FORBIDDEN']);
  });
});

describe('entity references', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Project { name usage { vms } } ... on User { username } ... on Alert { title rule { name } } ... on AlertRule { name } } }`;

  it('resolves Project, User, Alert and AlertRule references, null for unknown or malformed ids', async () => {
    const res = await run(ENTITIES, {
      r: [
        { __typename: 'Project', id: ids.web },
        { __typename: 'Project', id: 'not-a-uuid' },
        { __typename: 'User', id: ids.users[1] },
        { __typename: 'Alert', id: ids.alerts[2] },
        { __typename: 'AlertRule', id: ids.rules[1] },
        { __typename: 'AlertRule', id: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities).toEqual([
      { name: 'web', usage: { vms: 4 } },
      null,
      { username: 'olivia' },
      { title: 'alert 2', rule: { name: 'pool-full' } },
      { name: 'pool-full' },
      null,
    ]);
  });

  it('applies the read permission of each type', async () => {
    const res = await run(ENTITIES, { r: [{ __typename: 'Project', id: ids.web }, { __typename: 'User', id: ids.users[0] }] }, viewers.victor);
    expect(res.data?._entities[0]).toEqual({ name: 'web', usage: { vms: 4 } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });
});
