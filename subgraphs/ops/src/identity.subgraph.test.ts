import bcrypt from 'bcryptjs';
import { graphql, type ExecutionResult } from 'graphql';
import { PrismaAuditSink, formatError, type Viewer } from '../../platform/src';
import { openTestDatabase } from '../../platform/src/testing/test-database';
import { createOpsSubgraph, ensureBootstrapAdmin, verifyAccessToken, type OpsContext } from './index';
import { PasswordHasher } from './domain/password-hasher';
import { hashRefreshToken } from './domain/refresh-token';
import { RefreshTokenStorage } from './data/refresh-token.storage';
import { UserStorage } from './data/user.storage';
import { AuthService, BAD_CREDENTIALS } from './services/auth.service';
import type { Subgraph } from '../../platform/src';

// Tests walk response JSON freely; the assertions check its shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

// Login, token rotation, user creation and the bootstrap admin, against a real (PGlite or
// TEST_DATABASE_URL) database, with audit records written to its audit_log table.

const secret = new TextEncoder().encode('identity-test-secret-of-32-bytes!!');
const PASSWORD = 'correct horse battery';
const ROUNDS = 4;

type Db = Awaited<ReturnType<typeof openTestDatabase>>;
let db: Db;
let subgraph: Subgraph<OpsContext>;
let clock: Date;
const users: Record<'ada' | 'olivia' | 'victor', Viewer> = {} as never;

async function run(source: string, variables: Record<string, unknown> = {}, viewer: Viewer | null = null) {
  return graphql({
    schema: subgraph.schema,
    source,
    variableValues: variables,
    contextValue: subgraph.createContext({ viewer, authError: null, clientIp: '192.0.2.7', requestId: 't' }),
  }) as Promise<ExecutionResult<Json>>;
}
const codes = (res: ExecutionResult) => (res.errors ?? []).map((e) => formatError(e.toJSON(), e, () => undefined).extensions?.code);

const LOGIN = `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) {
  accessToken refreshToken expiresAt user { id username role lastLoginAt } userErrors { field code message } } }`;
const REFRESH = `mutation($t: String!) { refreshToken(input: { refreshToken: $t }) {
  accessToken refreshToken expiresAt user { username role } userErrors { field code message } } }`;
const CREATE_USER = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id username email role } userErrors { field code message } } }`;

const login = async (u: string, p = PASSWORD) => (await run(LOGIN, { u, p })).data?.login;
const refresh = async (t: string) => (await run(REFRESH, { t })).data?.refreshToken;

beforeAll(async () => {
  db = await openTestDatabase();
  clock = new Date();
  subgraph = await createOpsSubgraph({
    db: db.prisma,
    audit: new PrismaAuditSink(db.prisma),
    jwtSecret: secret,
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600,
    now: () => clock,
    bcryptRounds: ROUNDS,
  });
  const passwordHash = await bcrypt.hash(PASSWORD, ROUNDS);
  for (const [username, role] of [['ada', 'ADMIN'], ['olivia', 'OPERATOR'], ['victor', 'VIEWER']] as const) {
    const row = await db.prisma.user.create({ data: { username, email: `${username}@example.com`, role, passwordHash } });
    users[username] = { userId: row.id, username, role };
  }
});
afterAll(async () => {
  await db.cleanup();
});

describe('login', () => {
  it('returns an access token for the user, a refresh token and when the access token expires', async () => {
    const res = await login('olivia');
    expect(res.userErrors).toEqual([]);
    expect(res.user).toMatchObject({ id: users.olivia.userId, username: 'olivia', role: 'OPERATOR' });
    expect(new Date(res.expiresAt).getTime()).toBe(Math.floor(clock.getTime() / 1000) * 1000 + 900_000);
    await expect(verifyAccessToken(secret, res.accessToken, { now: clock })).resolves.toEqual(users.olivia);
    expect(res.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('records the login time and keeps only the hash of the refresh token', async () => {
    const res = await login('victor');
    expect(new Date(res.user.lastLoginAt)).toEqual(clock);
    const stored = await db.prisma.refreshToken.findMany({ where: { userId: users.victor.userId } });
    expect(stored.map((t) => t.tokenHash)).toContain(hashRefreshToken(res.refreshToken));
    expect(JSON.stringify(stored)).not.toContain(res.refreshToken);
  });

  it('accepts the username in any letter case', async () => {
    expect((await login('Olivia')).user.username).toBe('olivia');
  });

  it('refuses a wrong password and an unknown user with the same error', async () => {
    const wrong = await login('olivia', 'not the password at all');
    const unknown = await login('nobody-here', PASSWORD);
    const tooLong = await login('olivia', PASSWORD + 'x'.repeat(80));
    for (const res of [wrong, unknown, tooLong]) {
      expect(res).toMatchObject({ accessToken: null, refreshToken: null, user: null });
      expect(res.userErrors).toEqual([{ field: null, code: 'INVALID', message: BAD_CREDENTIALS }]);
    }
  });

  it('spends a bcrypt comparison on an unknown user too, so timing does not tell', async () => {
    const calls: string[] = [];
    class CountingHasher extends PasswordHasher {
      override verify(p: string, h: string) { calls.push('verify'); return super.verify(p, h); }
      override burnVerification(p: string) { calls.push('burn'); return super.burnVerification(p); }
    }
    const auth = new AuthService(new UserStorage(db.prisma), new RefreshTokenStorage(db.prisma), new CountingHasher(ROUNDS), {
      jwtSecret: secret, accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 3600, now: () => clock,
    });
    await expect(auth.login({ username: 'ghost', password: PASSWORD })).rejects.toThrow(BAD_CREDENTIALS);
    await expect(auth.login({ username: 'olivia', password: 'wrong password!' })).rejects.toThrow(BAD_CREDENTIALS);
    expect(calls).toEqual(['burn', 'verify']);
  });

  it('audits a failed login under the attempted username, without the password', async () => {
    await login('mallory', 'guessing-passwords');
    const rows = await db.prisma.auditEntry.findMany({ where: { action: 'login', actor: 'mallory' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'USER_ERROR', ipAddress: '192.0.2.7' });
    expect(JSON.stringify(rows[0]?.details)).not.toContain('guessing-passwords');
  });
});

describe('refreshToken', () => {
  it('rotates: new tokens for the same user, and the presented token is revoked', async () => {
    const first = await login('olivia');
    const second = await refresh(first.refreshToken);
    expect(second.userErrors).toEqual([]);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user).toEqual({ username: 'olivia', role: 'OPERATOR' });
    await expect(verifyAccessToken(secret, second.accessToken, { now: clock })).resolves.toEqual(users.olivia);
    const old = await db.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(first.refreshToken) } });
    const next = await db.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(second.refreshToken) } });
    expect(old.revokedAt).not.toBeNull();
    expect(next).toMatchObject({ familyId: old.familyId, revokedAt: null });
  });

  it('revokes the whole family when an already-rotated token is presented again', async () => {
    const first = await login('olivia');
    const second = await refresh(first.refreshToken);
    const replay = await refresh(first.refreshToken);
    expect(replay).toMatchObject({ accessToken: null, userErrors: [{ code: 'INVALID', message: 'refresh token revoked', field: ['input', 'refreshToken'] }] });
    // The legitimate holder's newer token dies with the family: both parties must log in again.
    expect((await refresh(second.refreshToken)).userErrors[0].message).toBe('refresh token revoked');
    // Other logins (other families) are untouched.
    const other = await login('olivia');
    expect((await refresh(other.refreshToken)).userErrors).toEqual([]);
  });

  it('lets exactly one of two concurrent refreshes with the same token succeed', async () => {
    const { refreshToken } = await login('victor');
    const results = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);
    expect(results.filter((r) => r.accessToken).length).toBe(1);
    expect(results.filter((r) => r.userErrors.length).map((r) => r.userErrors[0].code)).toEqual(['INVALID']);
  });

  it('refuses an expired refresh token and an unknown one', async () => {
    const { refreshToken } = await login('victor');
    clock = new Date(clock.getTime() + 3601_000);
    try {
      expect((await refresh(refreshToken)).userErrors[0].message).toMatch(/^refresh token expired/);
    } finally {
      clock = new Date(clock.getTime() - 3601_000);
    }
    expect((await refresh('made-up-token')).userErrors).toEqual([{ field: ['input', 'refreshToken'], code: 'INVALID', message: 'refresh token invalid' }]);
  });

  it("puts the user's current role in the new access token", async () => {
    const ivan = await db.prisma.user.create({ data: { username: 'ivan', email: 'ivan@example.com', role: 'VIEWER', passwordHash: await bcrypt.hash(PASSWORD, ROUNDS) } });
    const { refreshToken } = await login('ivan');
    await db.prisma.user.update({ where: { id: ivan.id }, data: { role: 'OPERATOR' } });
    const res = await refresh(refreshToken);
    expect((await verifyAccessToken(secret, res.accessToken, { now: clock })).role).toBe('OPERATOR');
  });
});

describe('createUser', () => {
  const input = { username: 'new.user', email: 'New.User@Example.com', password: 'a long enough password', role: 'OPERATOR' };

  it('lets an ADMIN create a user who can then log in', async () => {
    const res = await run(CREATE_USER, { i: input }, users.ada);
    expect(res.data?.createUser).toMatchObject({ user: { username: 'new.user', email: 'new.user@example.com', role: 'OPERATOR' }, userErrors: [] });
    expect((await login('new.user', input.password)).user.username).toBe('new.user');
  });

  it('reports every invalid field with its path', async () => {
    const res = await run(CREATE_USER, { i: { username: 'No', email: 'not-an-email', password: 'short', role: 'VIEWER' } }, users.ada);
    expect(res.data?.createUser.userErrors).toEqual([
      { field: ['input', 'username'], code: 'INVALID', message: expect.stringMatching(/3 to 64 characters of lowercase/) },
      { field: ['input', 'email'], code: 'INVALID', message: 'email must be a valid email address' },
      { field: ['input', 'password'], code: 'INVALID', message: 'password must be at least 12 characters long' },
    ]);
  });

  it('reports a taken username and a taken email as conflicts on their fields', async () => {
    const res = await run(CREATE_USER, { i: { ...input, username: 'olivia', email: 'ada@example.com' } }, users.ada);
    expect(res.data?.createUser).toEqual({
      user: null,
      userErrors: [
        { field: ['input', 'username'], code: 'CONFLICT', message: 'username is already taken' },
        { field: ['input', 'email'], code: 'CONFLICT', message: 'email is already taken' },
      ],
    });
  });

  it.each(['victor', 'olivia'] as const)('refuses %s (not an ADMIN) as FORBIDDEN and audits the refusal', async (who) => {
    const res = await run(CREATE_USER, { i: { ...input, username: `by-${who}`, email: `by-${who}@example.com` } }, users[who]);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect(await db.prisma.user.count({ where: { username: `by-${who}` } })).toBe(0);
    const rows = await db.prisma.auditEntry.findMany({ where: { action: 'createUser', actor: who } });
    expect(rows.map((r) => r.outcome)).toEqual(['DENIED']);
    expect(JSON.stringify(rows[0]?.details)).not.toContain(input.password);
  });

  it('refuses an anonymous caller as UNAUTHENTICATED', async () => {
    expect(codes(await run(CREATE_USER, { i: input }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('ensureBootstrapAdmin', () => {
  it('creates admin once, with a generated password that logs in', async () => {
    const first = await ensureBootstrapAdmin(db.prisma, { bcryptRounds: ROUNDS });
    expect(first).toEqual({ created: true, generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/) });
    expect((await login('admin', first.generatedPassword)).user).toMatchObject({ username: 'admin', role: 'ADMIN' });
    expect(await ensureBootstrapAdmin(db.prisma, { bcryptRounds: ROUNDS })).toEqual({ created: false });
    expect(await db.prisma.user.count({ where: { username: 'admin' } })).toBe(1);
  });

  it('creates one admin when two replicas start at once, with the configured password', async () => {
    await db.prisma.user.delete({ where: { username: 'admin' } });
    const results = await Promise.all([0, 1].map(() => ensureBootstrapAdmin(db.prisma, { password: 'configured admin pw', bcryptRounds: ROUNDS })));
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results.every((r) => r.generatedPassword === undefined)).toBe(true);
    expect((await login('admin', 'configured admin pw')).userErrors).toEqual([]);
  });

  it('refuses a configured password that breaks the password policy', async () => {
    await db.prisma.user.delete({ where: { username: 'admin' } });
    await expect(ensureBootstrapAdmin(db.prisma, { password: 'admin' })).rejects.toThrow(/at least 12 characters/);
    expect(await db.prisma.user.count({ where: { username: 'admin' } })).toBe(0);
  });
});
