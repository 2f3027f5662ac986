import type { Database } from '../../../platform/src';

/** A request remembered under its idempotency key: what it asked (hash) and what it made. */
export interface IdempotentResult {
  operation: string;
  requestHash: string;
  resourceId: string | null;
  taskId: string | null;
}

/** Idempotency keys: written inside the creating transaction (VmCreationUnit), read here. */
export class IdempotencyStorage {
  constructor(private readonly db: Database) {}

  /** The unexpired record of the key in the scope (a user), or null. */
  async find(scope: string, key: string, now: Date): Promise<IdempotentResult | null> {
    const row = await this.db.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!row || row.expiresAt <= now) return null;
    return { operation: row.operation, requestHash: row.requestHash, resourceId: row.resourceId, taskId: row.taskId };
  }

  /** Forgets expired keys; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    return (await this.db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: now } } })).count;
  }
}
