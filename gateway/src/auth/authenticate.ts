import { errors } from 'jose';
import type { Viewer } from '../../../subgraphs/platform/src';

export interface Caller {
  viewer: Viewer | null;
  /** Why presented credentials were refused; null when none were presented. */
  authError: string | null;
}

export type VerifyAccessToken = (token: string) => Promise<Viewer>;

/**
 * Verifies the caller's bearer token once, at the edge. A bad token does not stop the
 * request here: the reason travels to the subgraphs, which refuse every field that needs a
 * viewer with UNAUTHENTICATED, and the audit middleware records refused mutations.
 */
export async function authenticate(authorization: string | undefined, verify: VerifyAccessToken): Promise<Caller> {
  if (!authorization) return { viewer: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) return { viewer: null, authError: 'malformed Authorization header (expected "Bearer <token>")' };
  try {
    return { viewer: await verify(match[1]), authError: null };
  } catch (err) {
    return { viewer: null, authError: describe(err) };
  }
}

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'access token expired';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not allowed';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'token signature invalid';
  if (err instanceof errors.JWTClaimValidationFailed) return `token claim "${err.claim}" invalid`;
  return 'invalid access token';
}
