import type { DrsRecommendation as DrsRecommendationRow, Prisma } from '../../../../prisma/generated/client';
import type { Database } from '../../../platform/src';
import type { DrsRecommendation, DrsRecommendationQuery } from '../domain/cluster';

/** The drs_recommendations table, read as domain recommendations. */
export class DrsRecommendationStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<DrsRecommendation[]> {
    const rows = await this.db.drsRecommendation.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toRecommendation);
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
    return rows.map(toRecommendation);
  }

  /** PENDING recommendations per cluster; clusters with none are absent from the map. */
  async countPendingByCluster(clusterIds: readonly string[]): Promise<Map<string, number>> {
    const groups = await this.db.drsRecommendation.groupBy({
      by: ['clusterId'],
      where: { clusterId: { in: [...clusterIds] }, status: 'PENDING' },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [g.clusterId, g._count._all]));
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
