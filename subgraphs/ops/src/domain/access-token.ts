// Access tokens: signed here (ops issues them at login/refresh) and verified by the gateway,
// which imports verifyAccessToken. Kept tiny and free of Prisma/GraphQL so that import stays
// cheap; it reaches into the platform only for the Viewer shape (a dependency-free file).
import { SignJWT, errors, jwtVerify } from 'jose';
import { ROLES, type Role, type Viewer } from '../../../platform/src/auth/viewer';

export const ACCESS_TOKEN_ISSUER = 'limiquantix';
export const ACCESS_TOKEN_AUDIENCE = 'limiquantix-api';
/** Marks the JWT as an access token, so no other token we might sign can stand in for one. */
export const ACCESS_TOKEN_USE = 'access';
/** Access token lifetime unless configured: 15 minutes. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 900;

const ALGORITHM = 'HS256';

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs an HS256 access token for the viewer, valid from `now` for `ttlSeconds`. */
export async function signAccessToken(
  secret: Uint8Array,
  viewer: Viewer,
  opts: { now: Date; ttlSeconds: number },
): Promise<SignedAccessToken> {
  const issuedAt = Math.floor(opts.now.getTime() / 1000);
  const expiresAt = issuedAt + opts.ttlSeconds;
  const token = await new SignJWT({ username: viewer.username, role: viewer.role, token_use: ACCESS_TOKEN_USE })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(viewer.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(secret);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}

/**
 * The viewer an access token speaks for. Rejects anything but an HS256 token signed with
 * `secret`, from our issuer for our audience, marked as an access token, carrying an expiry
 * that has not passed, and naming a user id, username and known role.
 *
 * Failures are jose's own typed errors, so callers can tell them apart without parsing
 * messages: `errors.JWTExpired` for an expired token (the client should refresh),
 * `errors.JWTClaimValidationFailed` (with `.claim`) for a wrong claim, including our own
 * checks below, and other `errors.JOSEError`s for bad signatures, algorithms and shapes.
 * `now` is for tests; it defaults to the clock.
 */
export async function verifyAccessToken(secret: Uint8Array, token: string, opts: { now?: Date } = {}): Promise<Viewer> {
  const { payload } = await jwtVerify(token, secret, {
    algorithms: [ALGORITHM],
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    // jose checks exp only when present: a token without one must not live forever.
    requiredClaims: ['exp', 'sub'],
    currentDate: opts.now,
  });
  const refuse = (claim: string) => new errors.JWTClaimValidationFailed(`unexpected "${claim}" claim value`, payload, claim, 'check_failed');
  if (payload.token_use !== ACCESS_TOKEN_USE) throw refuse('token_use');
  if (typeof payload.sub !== 'string') throw refuse('sub');
  if (typeof payload.username !== 'string') throw refuse('username');
  const role = payload.role as Role;
  if (!ROLES.includes(role)) throw refuse('role');
  return { userId: payload.sub, username: payload.username, role };
}
