import { afterCursorWhere, cursorOrderBy, type Database, type PageRequest } from '../../../platform/src';
import type { Volume as VolumeRow } from '../../../../prisma/generated/client';
import type { VolumeFilter, VolumeRecord } from '../domain/volume';

function toVolume(row: VolumeRow): VolumeRecord {
  return {
    id: row.id,
    name: row.name,
    poolId: row.poolId,
    projectId: row.projectId,
    sizeGib: row.sizeGib,
    provisioning: row.provisioning,
    phase: row.phase,
    createdAt: row.createdAt,
  };
}

function filterWhere(filter: VolumeFilter) {
  return {
    ...(filter.projectId === undefined ? {} : { projectId: filter.projectId }),
    ...(filter.poolId === undefined ? {} : { poolId: filter.poolId }),
  };
}

export class VolumeStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<VolumeRecord[]> {
    const rows = await this.db.volume.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toVolume);
  }

  /** One page in (createdAt, id) order, plus one row to tell whether another page follows. */
  async page(filter: VolumeFilter, req: PageRequest): Promise<VolumeRecord[]> {
    const rows = await this.db.volume.findMany({
      where: { ...filterWhere(filter), ...afterCursorWhere(req.after) },
      orderBy: cursorOrderBy(),
      take: req.size + 1,
    });
    return rows.map(toVolume);
  }

  async count(filter: VolumeFilter): Promise<number> {
    return this.db.volume.count({ where: filterWhere(filter) });
  }

  /** Volumes per pool in one query; pools without volumes are absent from the map. */
  async countByPool(poolIds: readonly string[]): Promise<Map<string, number>> {
    const groups = await this.db.volume.groupBy({ by: ['poolId'], where: { poolId: { in: [...poolIds] } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.poolId, g._count._all]));
  }
}
