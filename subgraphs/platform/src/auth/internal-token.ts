import { SignJWT, jwtVerify } from 'jose';
import type { RequestContext, Role, Viewer } from './viewer';
import { ROLES } from './viewer';

/** Header the gateway puts its signed identity assertion in. */
export const IDENTITY_HEADER = 'x-limiquantix-identity';

const ISSUER = 'limiquantix-gateway';
const AUDIENCE = 'limiquantix-subgraph';
// Long enough for one query plan's fetches; short so a leaked assertion is soon useless.
const LIFETIME_SECONDS = 60;

export interface IdentityAssertion {
  viewer: Viewer | null;
  authError: string | null;
  clientIp: string | null;
  requestId: string;
}

/**
 * The gateway verifies the caller's token once and hands subgraphs this assertion, signed
 * with a secret only control-plane processes hold. Subgraphs trust nothing else: a request
 * without a valid assertion is refused, whatever headers it carries.
 */
export async function signIdentity(secret: Uint8Array, a: IdentityAssertion): Promise<string> {
  const jwt = new SignJWT({
    username: a.viewer?.username,
    role: a.viewer?.role,
    authError: a.authError ?? undefined,
    ip: a.clientIp ?? undefined,
    rid: a.requestId,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`);
  if (a.viewer) jwt.setSubject(a.viewer.userId);
  return jwt.sign(secret);
}

/** The request context from an assertion; throws when it is missing, forged or expired. */
export async function verifyIdentity(secret: Uint8Array, token: string | undefined): Promise<RequestContext> {
  if (!token) throw new Error('missing gateway identity assertion');
  const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
  const role = payload.role as Role | undefined;
  const viewer =
    payload.sub && typeof payload.username === 'string' && role && ROLES.includes(role)
      ? { userId: payload.sub, username: payload.username, role }
      : null;
  return {
    viewer,
    authError: typeof payload.authError === 'string' ? payload.authError : null,
    clientIp: typeof payload.ip === 'string' ? payload.ip : null,
    requestId: typeof payload.rid === 'string' ? payload.rid : 'unknown',
  };
}
