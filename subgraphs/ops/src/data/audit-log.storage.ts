import type { Connection, Database, PageRequest } from '../../../platform/src';
import { toConnection } from '../../../platform/src';
import type { Prisma, AuditEntry as AuditRow } from '../../../../prisma/generated/client';
import type { AuditEntry, AuditFilter } from '../domain/audit-entry';

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    actor: row.actor,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    outcome: row.outcome,
    details: row.details,
    ipAddress: row.ipAddress,
    at: row.at,
  };
}

export class AuditLogStorage {
  constructor(private readonly db: Database) {}

  /**
   * Entries newest first. The audit table's time column is `at`, not the `createdAt` the
   * platform's keyset helpers assume, so the (at, id) keyset is written here; the cursor
   * itself is the platform's, carrying `at` in its createdAt slot.
   */
  async page(filter: AuditFilter, req: PageRequest): Promise<Connection<AuditEntry>> {
    const where: Prisma.AuditEntryWhereInput = {
      ...(filter.actor ? { actor: filter.actor } : {}),
      ...(filter.resourceId ? { resourceId: filter.resourceId } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.since ? { at: { gte: filter.since } } : {}),
    };
    const after = req.after
      ? { OR: [{ at: { lt: req.after.createdAt } }, { at: req.after.createdAt, id: { lt: req.after.id } }] }
      : {};
    const [rows, totalCount] = await Promise.all([
      this.db.auditEntry.findMany({ where: { AND: [where, after] }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: req.size + 1 }),
      this.db.auditEntry.count({ where }),
    ]);
    return toConnection(
      rows.map((row) => ({ createdAt: row.at, id: row.id, row })),
      req,
      totalCount,
      ({ row }) => toEntry(row),
    );
  }
}
