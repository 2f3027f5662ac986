import { randomBytes } from 'node:crypto';
import type { Database } from '../database/database';

/** Secrets every control-plane process must agree on. */
export interface SharedSecrets {
  /** Signs and verifies users' access tokens (gateway verifies, ops signs). */
  jwtSecret: Uint8Array;
  /** Signs the gateway's identity assertions to subgraphs. */
  identitySecret: Uint8Array;
}

async function loadOrCreate(db: Database, name: string): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  // Insert-if-absent then read: two replicas starting at once end up with the same value.
  await db.systemSecret.createMany({ data: [{ name, value: fresh }], skipDuplicates: true });
  const row = await db.systemSecret.findUniqueOrThrow({ where: { name } });
  return row.value;
}

/**
 * Configured secrets win; otherwise the first process generates them into the database and
 * every other replica reads the same, so a multi-replica deployment needs no secret config.
 */
export async function loadSharedSecrets(
  db: Database,
  configured: { jwtSecret?: string; identitySecret?: string },
): Promise<SharedSecrets> {
  const enc = new TextEncoder();
  return {
    jwtSecret: enc.encode(configured.jwtSecret ?? (await loadOrCreate(db, 'jwt_secret'))),
    identitySecret: enc.encode(configured.identitySecret ?? (await loadOrCreate(db, 'identity_secret'))),
  };
}
