import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { OpsContext } from '../ops-context';
import { AuditEntryConnection } from '../schema/audit-entry.type';
import { AuditFilter } from '../schema/audit-filter.input';
import type { AuditLogService } from '../services/audit-log.service';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly log: AuditLogService) {}

  @Query(() => AuditEntryConnection, { description: 'Newest first.' })
  auditLog(
    @Ctx() ctx: OpsContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return this.log.page(ctx, filter, { first, after });
  }
}
