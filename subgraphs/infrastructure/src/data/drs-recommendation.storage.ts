import type { DrsRecommendation as DrsRecommendationRow, Prisma } from '../../../../prisma/generated/client';
import type { Database } from '../../../platform/src';
import type { DrsRecommendation, DrsRecommendationQuery } from '../domain/cluster';

/**
 * The drs_recommendations table, read as domain recommendations.
 *
 * Every read leaves out recommendations whose source or target host no longer exists: the
 * table has no foreign key to hosts (a removed host leaves its history behind), the API's
 * sourceHost/targetHost are non-null, and a move from or to a host that is gone can never be
 * applied. Lists, references and the pending count all apply the same rule, so they agree.
 */
export class DrsRecommendationStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<DrsRecommendation[]> {
    const rows = await this.db.drsRecommendation.findMany({ where: { id: { in: [...ids] } } });
    return (await this.withExistingHosts(rows)).map(toRecommendation);
  }

  /**
   * Most urgent first: priority in enum order (CRITICAL first; PostgreSQL sorts enums by
   * declaration), then newest first, then id for a stable order.
   */
  async list(query: DrsRecommendationQuery): Promise<DrsRecommendation[]> {
    const where: Prisma.DrsRecommendationWhereInput = {
      ...(query.clusterId !== undefined ? { clusterId: query.clusterId } : {}),
      ...(query.statuses && query.statuses.length > 0 ? { status: { in: query.statuses } } : {}),
    };
    const rows = await this.db.drsRecommendation.findMany({
      where,
      orderBy: [{ priority: 'asc' }, { createdAt: 'desc' }, { id: 'asc' }],
    });
    return (await this.withExistingHosts(rows)).map(toRecommendation);
  }

  /** PENDING recommendations per cluster; clusters with none are absent from the map. */
  async countPendingByCluster(clusterIds: readonly string[]): Promise<Map<string, number>> {
    // Rows rather than a GROUP BY, to apply the host rule; DRS keeps only a few pending.
    const rows = await this.db.drsRecommendation.findMany({
      where: { clusterId: { in: [...clusterIds] }, status: 'PENDING' },
      select: { clusterId: true, sourceHostId: true, targetHostId: true },
    });
    const counts = new Map<string, number>();
    for (const row of await this.withExistingHosts(rows)) counts.set(row.clusterId, (counts.get(row.clusterId) ?? 0) + 1);
    return counts;
  }

  private async withExistingHosts<R extends { sourceHostId: string; targetHostId: string }>(rows: R[]): Promise<R[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.sourceHostId, r.targetHostId]))];
    if (ids.length === 0) return rows;
    const found = await this.db.host.findMany({ where: { id: { in: ids } }, select: { id: true } });
    const existing = new Set(found.map((h) => h.id));
    return rows.filter((r) => existing.has(r.sourceHostId) && existing.has(r.targetHostId));
  }
}

function toRecommendation(row: DrsRecommendationRow): DrsRecommendation {
  return {
    id: row.id,
    clusterId: row.clusterId,
    priority: row.priority,
    kind: row.kind,
    reason: row.reason,
    vmId: row.vmId,
    sourceHostId: row.sourceHostId,
    targetHostId: row.targetHostId,
    imbalanceBefore: row.imbalanceBefore,
    imbalanceAfter: row.imbalanceAfter,
    status: row.status,
    taskId: row.taskId,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
  };
}
