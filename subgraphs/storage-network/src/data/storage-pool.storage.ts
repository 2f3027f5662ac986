import type { Database } from '../../../platform/src';
import type { StoragePool as StoragePoolRow } from '../../../../prisma/generated/client';
import type { StoragePoolRecord } from '../domain/storage-pool';

function toStoragePool(row: StoragePoolRow): StoragePoolRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    phase: row.phase,
    capacityGib: row.capacityGib,
    allocatedGib: row.allocatedGib,
    hostId: row.hostId,
    createdAt: row.createdAt,
  };
}

export class StoragePoolStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<StoragePoolRecord[]> {
    const rows = await this.db.storagePool.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toStoragePool);
  }

  /** Every pool, oldest first. Pools are few (one per backend), so the list is not paged. */
  async list(): Promise<StoragePoolRecord[]> {
    const rows = await this.db.storagePool.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toStoragePool);
  }

  /**
   * Ids of every registered host, oldest first. The hosts table belongs to infrastructure;
   * we read only its ids, because a shared pool (Ceph RBD, NFS) is reachable from every host
   * and nothing else about the host is ours to know.
   */
  async allHostIds(): Promise<string[]> {
    const rows = await this.db.host.findMany({ select: { id: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map((r) => r.id);
  }
}
