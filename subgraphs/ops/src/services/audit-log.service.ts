import { authorize, pageRequest, type Connection, type PageArgs } from '../../../platform/src';
import type { AuditEntry, AuditFilter } from '../domain/audit-entry';
import type { AuditLogStorage } from '../data/audit-log.storage';
import type { OpsContext } from '../ops-context';

export class AuditLogService {
  constructor(private readonly log: AuditLogStorage) {}

  /** Audit entries newest first; the log holds client addresses, so it needs audit:read. */
  async page(ctx: OpsContext, filter: AuditFilter | null | undefined, args: PageArgs): Promise<Connection<AuditEntry>> {
    authorize(ctx, 'audit:read');
    return this.log.page(filter ?? {}, pageRequest(args));
  }
}
