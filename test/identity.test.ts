import { SignJWT, UnsecuredJWT } from 'jose';
import { startTestControlPlane, ADMIN_PASSWORD, type TestClient } from './harness';

let t: TestClient;
beforeAll(async () => {
  t = await startTestControlPlane({ LQ_DEMO_HOSTS: '0' });
});
afterAll(() => t?.stop());

const ME = '{ me { username role } }';
const USERS = '{ users { username } }';

async function jwtSecret(): Promise<Uint8Array> {
  const row = await t.cp.db.prisma.systemSecret.findUniqueOrThrow({ where: { name: 'jwt_secret' } });
  return new TextEncoder().encode(row.value);
}

describe('identity through the gateway', () => {
  it('serves /health, /ready and an offline GraphiQL page', async () => {
    const base = t.url.replace('/graphql', '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('graphiql');
    // Offline: every script and stylesheet comes from this server.
    expect(html).not.toMatch(/(src|href)="https?:/);
    // Regression: react's exports map once hid its UMD build and the page rendered empty.
    for (const [name, type] of [['react.js', 'javascript'], ['react-dom.js', 'javascript'], ['graphiql.js', 'javascript'], ['graphiql.css', 'css']]) {
      const asset = await fetch(`${base}/graphiql/assets/${name}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain(type);
    }
  });

  it('logs the bootstrap admin in and answers me', async () => {
    const res = await t.gql<{ me: { username: string; role: string } }>(ME, {}, await t.adminToken());
    expect(res.data?.me).toEqual({ username: 'admin', role: 'ADMIN' });
  });

  it('refuses a wrong password with a user error that does not reveal whether the user exists', async () => {
    const q = 'mutation($i: LoginInput!) { login(input: $i) { accessToken userErrors { code message } } }';
    const wrong = await t.gql<{ login: { accessToken: null; userErrors: { message: string }[] } }>(q, { i: { username: 'admin', password: 'not-the-password' } });
    const unknown = await t.gql<{ login: { accessToken: null; userErrors: { message: string }[] } }>(q, { i: { username: 'nobody-here', password: 'not-the-password' } });
    expect(wrong.data?.login.accessToken).toBeNull();
    expect(wrong.data?.login.userErrors[0]?.message).toBe(unknown.data?.login.userErrors[0]?.message);
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('refuses %s as UNAUTHENTICATED', async (_name, token) => {
    const res = await t.gql(USERS, {}, token);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token signed with another key', async () => {
    const forged = await new SignJWT({ username: 'admin', role: 'ADMIN', token_use: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('00000000-0000-4000-8000-000000000000')
      .setIssuer('limiquantix')
      .setAudience('limiquantix-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(43)));
    const res = await t.gql(USERS, {}, forged);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeFalsy();
  });

  it('refuses an expired token signed with the real key', async () => {
    const me = await t.cp.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const expired = await new SignJWT({ username: 'admin', role: 'ADMIN', token_use: 'access' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(me.id)
      .setIssuer('limiquantix')
      .setAudience('limiquantix-api')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(await jwtSecret());
    const res = await t.gql(USERS, {}, expired);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses an alg:none token', async () => {
    const me = await t.cp.db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const none = new UnsecuredJWT({ username: 'admin', role: 'ADMIN', token_use: 'access' })
      .setSubject(me.id)
      .setIssuer('limiquantix')
      .setAudience('limiquantix-api')
      .setExpirationTime('5m')
      .encode();
    const res = await t.gql(USERS, {}, none);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('ignores an identity header sent by a client: only the gateway signs identities', async () => {
    const res = await t.gql(USERS, {}, undefined, { 'x-limiquantix-identity': 'eyJhbGciOiJub25lIn0.e30.' });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('has subgraphs refuse any request that did not come through the gateway', async () => {
    const url = t.cp.subgraphUrls.ops as string;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: USERS }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('does not let a VIEWER create users, and audits the refusal', async () => {
    const viewer = await t.userToken('VIEWER');
    const res = await t.gql(
      'mutation($i: CreateUserInput!) { createUser(input: $i) { user { id } userErrors { message } } }',
      { i: { username: 'mallory', email: 'mallory@example.test', password: 'mallory-password-1', role: 'ADMIN' } },
      viewer,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await t.cp.db.prisma.user.count({ where: { username: 'mallory' } })).toBe(0);
    const audit = await t.gql<{ auditLog: { edges: { node: { action: string; outcome: string; actor: string; ipAddress: string | null } }[] } }>(
      '{ auditLog(filter: { action: "createUser" }, first: 5) { edges { node { action outcome actor ipAddress } } } }',
      {},
      await t.adminToken(),
    );
    const denied = audit.data?.auditLog.edges.map((e) => e.node).find((n) => n.outcome === 'DENIED');
    expect(denied).toMatchObject({ action: 'createUser', outcome: 'DENIED' });
    expect(denied?.actor).toMatch(/^viewer-/);
    expect(denied?.ipAddress).toBeTruthy();
  });

  it('rotates refresh tokens and revokes the chain when a rotated token is replayed', async () => {
    const q = 'mutation($i: LoginInput!) { login(input: $i) { refreshToken } }';
    const first = (await t.gql<{ login: { refreshToken: string } }>(q, { i: { username: 'admin', password: ADMIN_PASSWORD } })).data?.login.refreshToken;
    const refresh = 'mutation($t: String!) { refreshToken(input: { refreshToken: $t }) { accessToken refreshToken userErrors { code } } }';
    type R = { refreshToken: { accessToken: string | null; refreshToken: string | null; userErrors: { code: string }[] } };
    const second = await t.gql<R>(refresh, { t: first });
    expect(second.data?.refreshToken.accessToken).toBeTruthy();
    const next = second.data?.refreshToken.refreshToken;
    const replay = await t.gql<R>(refresh, { t: first });
    expect(replay.data?.refreshToken.accessToken).toBeNull();
    expect(replay.data?.refreshToken.userErrors.length).toBeGreaterThan(0);
    // The replay revoked the whole chain, so the newest token is dead too.
    const afterReplay = await t.gql<R>(refresh, { t: next });
    expect(afterReplay.data?.refreshToken.accessToken).toBeNull();
  });

  it('creates projects with quotas for ADMIN only', async () => {
    const admin = await t.adminToken();
    const operator = await t.userToken('OPERATOR');
    const create = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id name quota { vcpus vms } usage { vcpus } } userErrors { code field } } }';
    const ok = await t.gql<{ createProject: { project: { id: string; quota: { vcpus: number; vms: number | null } }; userErrors: unknown[] } }>(create, { i: { name: 'identity-proj', quota: { vcpus: 8 } } }, admin);
    expect(ok.data?.createProject.project.quota).toEqual({ vcpus: 8, vms: null });
    const dup = await t.gql<{ createProject: { userErrors: { code: string; field: string[] }[] } }>(create, { i: { name: 'identity-proj' } }, admin);
    expect(dup.data?.createProject.userErrors[0]?.code).toBe('CONFLICT');
    const refused = await t.gql(create, { i: { name: 'by-operator' } }, operator);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses operations deeper than the limit', async () => {
    const deep = '{ hosts { edges { node { cluster { hosts { edges { node { cluster { hosts { edges { node { cluster { hosts { edges { node { id } } } } } } } } } } } } } } } }';
    const res = await t.gql(deep, {}, await t.adminToken());
    expect(res.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('keeps CSRF prevention on for GET requests', async () => {
    const res = await fetch(`${t.url}?query=${encodeURIComponent('{ me { username } }')}`);
    expect(res.status).toBe(400);
  });
});
