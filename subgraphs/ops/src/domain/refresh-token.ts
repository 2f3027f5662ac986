import { createHash, randomBytes } from 'node:crypto';

/** Refresh token lifetime unless configured: 7 days. */
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 3600;

/** SHA-256 (hex) of a refresh token: the only form the database keeps. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new opaque refresh token (32 random bytes, base64url) and its hash. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}
