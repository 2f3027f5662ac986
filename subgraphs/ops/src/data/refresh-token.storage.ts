import type { Database } from '../../../platform/src';

export interface NewRefreshToken {
  tokenHash: string;
  expiresAt: Date;
}

/** What presenting a refresh token led to. */
export type Rotation =
  | { kind: 'rotated'; userId: string }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  /** The token was already rotated or revoked: its whole family has now been revoked. */
  | { kind: 'reused' };

export class RefreshTokenStorage {
  constructor(private readonly db: Database) {}

  /** Stores the first token of a new family (one login). */
  async issue(userId: string, familyId: string, token: NewRefreshToken): Promise<void> {
    await this.db.refreshToken.create({ data: { userId, familyId, ...token } });
  }

  /**
   * Revokes the presented token and stores its successor in the same family, in one
   * transaction. The revocation is a conditional update (`revoked_at IS NULL`): of two
   * concurrent rotations of one token, PostgreSQL lets exactly one match; the other finds
   * the token already revoked and is treated as a replay. Presenting a revoked token revokes
   * the whole family (it was stolen, or replayed), and that revocation is committed.
   */
  async rotate(presentedHash: string, next: NewRefreshToken, now: Date): Promise<Rotation> {
    return this.db.$transaction(async (tx) => {
      const current = await tx.refreshToken.findUnique({ where: { tokenHash: presentedHash } });
      if (!current) return { kind: 'unknown' };
      const revokeFamily = async (): Promise<Rotation> => {
        await tx.refreshToken.updateMany({ where: { familyId: current.familyId, revokedAt: null }, data: { revokedAt: now } });
        return { kind: 'reused' };
      };
      if (current.revokedAt) return revokeFamily();
      if (current.expiresAt <= now) return { kind: 'expired' };
      const { count } = await tx.refreshToken.updateMany({ where: { id: current.id, revokedAt: null }, data: { revokedAt: now } });
      if (count === 0) return revokeFamily();
      await tx.refreshToken.create({ data: { userId: current.userId, familyId: current.familyId, ...next } });
      return { kind: 'rotated', userId: current.userId };
    });
  }
}
