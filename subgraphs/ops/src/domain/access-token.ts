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

/**
 * Thrown by verifyAccessToken; the gateway catches it and passes `message` on as the
 * request's authError (clients see "Not authenticated: access token expired" and refresh).
 */
export class AccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid', options?: { cause?: unknown }) {
    super(reason === 'expired' ? 'access token expired' : 'access token invalid', options);
    this.name = 'AccessTokenError';
  }
}

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
 * The viewer an access token speaks for. Rejects (AccessTokenError) anything but an HS256
 * token signed with `secret`, from our issuer for our audience, marked as an access token,
 * carrying an expiry that has not passed, and naming a user id, username and known role.
 * `now` is for tests; it defaults to the clock.
 */
export async function verifyAccessToken(secret: Uint8Array, token: string, opts: { now?: Date } = {}): Promise<Viewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: [ALGORITHM],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      // jose checks exp only when present: a token without one must not live forever.
      requiredClaims: ['exp', 'sub'],
      currentDate: opts.now,
    }));
  } catch (err) {
    throw new AccessTokenError(err instanceof errors.JWTExpired ? 'expired' : 'invalid', { cause: err });
  }
  const role = payload.role as Role;
  if (
    payload.token_use !== ACCESS_TOKEN_USE ||
    typeof payload.sub !== 'string' ||
    typeof payload.username !== 'string' ||
    !ROLES.includes(role)
  ) {
    throw new AccessTokenError('invalid');
  }
  return { userId: payload.sub, username: payload.username, role };
}
