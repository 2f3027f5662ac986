import type { Cluster as ClusterRow } from '../../../../prisma/generated/client';
import { cursorOrderBy, type Database } from '../../../platform/src';
import type { Cluster } from '../domain/cluster';

/** The clusters table, read as domain clusters. */
export class ClusterStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Cluster[]> {
    const rows = await this.db.cluster.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toCluster);
  }

  /** Every cluster in (createdAt, id) order: a handful per installation, so no paging. */
  async list(): Promise<Cluster[]> {
    const rows = await this.db.cluster.findMany({ orderBy: cursorOrderBy() });
    return rows.map(toCluster);
  }
}

// drsImbalance is not read: it is the DRS engine's figure as of its last run, while the API
// shows the balance now (see domain/cluster-balance.ts).
function toCluster(row: ClusterRow): Cluster {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    haEnabled: row.haEnabled,
    drsEnabled: row.drsEnabled,
    drsAutomationLevel: row.drsAutomationLevel,
    drsCpuThreshold: row.drsCpuThreshold,
    drsMemoryThreshold: row.drsMemoryThreshold,
    drsLastRunAt: row.drsLastRunAt,
    createdAt: row.createdAt,
  };
}
