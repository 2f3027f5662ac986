import type { Database } from '../database/database';
import type { AuditRecord, AuditSink } from './audit.middleware';

/** Writes audit records to the audit_log table (read back by the ops subgraph's auditLog). */
export class PrismaAuditSink implements AuditSink {
  constructor(private readonly db: Database) {}

  async write(r: AuditRecord): Promise<void> {
    await this.db.auditEntry.create({
      data: {
        actor: r.actor,
        action: r.action,
        resourceType: r.resourceType,
        resourceId: r.resourceId,
        outcome: r.outcome,
        details: (r.details ?? undefined) as object | undefined,
        ipAddress: r.ipAddress,
      },
    });
  }
}
