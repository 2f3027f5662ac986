import { SignJWT, errors } from 'jose';
import { signIdentity } from '../../../platform/src/auth/internal-token';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  signAccessToken,
  verifyAccessToken,
} from './access-token';
import { newRefreshToken } from './refresh-token';

const secret = new TextEncoder().encode('a-test-secret-of-at-least-32-bytes!!');
const otherSecret = new TextEncoder().encode('another-secret-of-at-least-32-bytes!');
const viewer = { userId: '3f0d4c52-8a35-4a9e-9a4f-1d2b3c4d5e6f', username: 'alice', role: 'OPERATOR' as const };
const issuedAt = new Date('2030-01-01T00:00:00Z');
const at = (seconds: number) => new Date(issuedAt.getTime() + seconds * 1000);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const epoch = (d: Date) => Math.floor(d.getTime() / 1000);

/** A JWT with our claims, built by hand so each case can break exactly one thing. */
function craft(opts: { alg?: string; key?: Uint8Array; claims?: Record<string, unknown>; omit?: string[] } = {}) {
  const claims: Record<string, unknown> = {
    sub: viewer.userId,
    username: viewer.username,
    role: viewer.role,
    token_use: 'access',
    iss: ACCESS_TOKEN_ISSUER,
    aud: ACCESS_TOKEN_AUDIENCE,
    iat: epoch(issuedAt),
    exp: epoch(at(900)),
    ...opts.claims,
  };
  for (const k of opts.omit ?? []) delete claims[k];
  return new SignJWT(claims).setProtectedHeader({ alg: opts.alg ?? 'HS256' }).sign(opts.key ?? secret);
}

async function reasonOf(token: Promise<string> | string, now = at(60)): Promise<string> {
  try {
    await verifyAccessToken(secret, await token, { now });
    return 'accepted';
  } catch (err) {
    if (err instanceof errors.JWTExpired) return 'expired';
    return err instanceof errors.JOSEError ? 'invalid' : `unexpected ${String(err)}`;
  }
}

describe('access tokens', () => {
  it('signs a token the verifier accepts, naming the viewer and expiring after the TTL', async () => {
    const { token, expiresAt } = await signAccessToken(secret, viewer, { now: issuedAt, ttlSeconds: 900 });
    expect(expiresAt).toEqual(at(900));
    await expect(verifyAccessToken(secret, token, { now: at(899) })).resolves.toEqual(viewer);
    const [header, payload] = token.split('.').slice(0, 2).map((p) => JSON.parse(Buffer.from(p, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ sub: viewer.userId, iss: 'limiquantix', aud: 'limiquantix-api', token_use: 'access' });
  });

  it('reports a token as expired from its expiry instant on', async () => {
    expect(await reasonOf(craft(), at(899))).toBe('accepted');
    expect(await reasonOf(craft(), at(900))).toBe('expired');
  });

  // Each row breaks one thing in an otherwise valid token, checked one minute after issue.
  it.each<[string, () => Promise<string> | string]>([
    ['signed with another secret', () => craft({ key: otherSecret })],
    ['with alg none, crafted by hand', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: viewer.userId, username: 'alice', role: 'ADMIN', token_use: 'access', iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, exp: epoch(at(900)) })}.`],
    ['signed with HS512 instead of HS256', () => craft({ alg: 'HS512' })],
    ['for another audience', () => craft({ claims: { aud: 'limiquantix-subgraph' } })],
    ['from another issuer', () => craft({ claims: { iss: 'someone-else' } })],
    ['without token_use', () => craft({ omit: ['token_use'] })],
    ['marked as another kind of token', () => craft({ claims: { token_use: 'refresh' } })],
    ['without an expiry', () => craft({ omit: ['exp'] })],
    ['without a subject', () => craft({ omit: ['sub'] })],
    ['with an unknown role', () => craft({ claims: { role: 'ROOT' } })],
    ['whose payload was altered after signing', async () => {
      const [h, , s] = (await craft()).split('.');
      return `${h}.${b64({ sub: viewer.userId, username: 'alice', role: 'ADMIN', token_use: 'access', iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, exp: epoch(at(900)) })}.${s}`;
    }],
    ['that is an opaque refresh token', () => newRefreshToken().token],
    ['that is a gateway identity assertion signed with the same secret', () =>
      signIdentity(secret, { viewer, authError: null, clientIp: null, requestId: 'r' })],
    ['that is not a JWT', () => 'not.a.jwt'],
  ])('rejects a token %s as invalid', async (name, token) => {
    // The identity assertion is stamped with the real clock, so check it against that.
    const now = name.includes('identity') ? new Date() : at(60);
    expect(await reasonOf(token(), now)).toBe('invalid');
  });

  it('fails with jose\'s typed errors, naming the claim at fault, so the gateway can say why', async () => {
    await expect(verifyAccessToken(secret, await craft(), { now: at(901) })).rejects.toBeInstanceOf(errors.JWTExpired);
    const wrongUse = verifyAccessToken(secret, await craft({ claims: { token_use: 'refresh' } }), { now: at(60) });
    await expect(wrongUse).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    await expect(wrongUse).rejects.toMatchObject({ claim: 'token_use' });
    await expect(verifyAccessToken(secret, await craft({ alg: 'HS512' }), { now: at(60) })).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
  });
});
