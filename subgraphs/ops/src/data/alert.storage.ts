import type { Connection, Database, PageRequest } from '../../../platform/src';
import { afterCursorWhere, cursorOrderBy, toConnection } from '../../../platform/src';
import type { Prisma, Alert as AlertRow, AlertRule as AlertRuleRow } from '../../../../prisma/generated/client';
import type { Alert, AlertFilter, AlertRule } from '../domain/alert';

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    severity: row.severity,
    title: row.title,
    message: row.message,
    sourceType: row.sourceType,
    sourceId: row.sourceId,
    state: row.state,
    ruleId: row.ruleId,
    acknowledgedBy: row.acknowledgedBy,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    createdAt: row.createdAt,
  };
}

function toAlertRule(row: AlertRuleRow): AlertRule {
  return {
    id: row.id,
    name: row.name,
    metric: row.metric,
    comparison: row.comparison,
    threshold: row.threshold,
    forSeconds: row.forSeconds,
    severity: row.severity,
    enabled: row.enabled,
    createdAt: row.createdAt,
  };
}

function alertWhere(filter: AlertFilter): Prisma.AlertWhereInput {
  return {
    ...(filter.states?.length ? { state: { in: filter.states } } : {}),
    ...(filter.severities?.length ? { severity: { in: filter.severities } } : {}),
    ...(filter.sourceId ? { sourceId: filter.sourceId } : {}),
  };
}

export class AlertStorage {
  constructor(private readonly db: Database) {}

  /** Alerts newest first, (createdAt, id) descending. */
  async page(filter: AlertFilter, req: PageRequest): Promise<Connection<Alert>> {
    const where = alertWhere(filter);
    const [rows, totalCount] = await Promise.all([
      this.db.alert.findMany({
        where: { AND: [where, afterCursorWhere(req.after, 'desc')] },
        orderBy: cursorOrderBy('desc'),
        take: req.size + 1,
      }),
      this.db.alert.count({ where }),
    ]);
    return toConnection(rows, req, totalCount, toAlert);
  }

  async findByIds(ids: readonly string[]): Promise<Alert[]> {
    return (await this.db.alert.findMany({ where: { id: { in: [...ids] } } })).map(toAlert);
  }

  async rules(): Promise<AlertRule[]> {
    return (await this.db.alertRule.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] })).map(toAlertRule);
  }

  async rulesByIds(ids: readonly string[]): Promise<AlertRule[]> {
    return (await this.db.alertRule.findMany({ where: { id: { in: [...ids] } } })).map(toAlertRule);
  }
}
