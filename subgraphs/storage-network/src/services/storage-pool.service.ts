import { authorize } from '../../../platform/src';
import { isUuid } from '../domain/ids';
import type { StoragePoolRecord } from '../domain/storage-pool';
import type { StoragePoolStorage } from '../data/storage-pool.storage';
import type { StorageNetworkContext } from './context';

/** Reads storage pools; every call needs storage:read. */
export class StoragePoolService {
  constructor(private readonly pools: StoragePoolStorage) {}

  /** The pool, or null when the id is unknown or not a UUID. */
  async byId(ctx: StorageNetworkContext, id: string): Promise<StoragePoolRecord | null> {
    authorize(ctx, 'storage:read');
    return isUuid(id) ? ctx.loaders.storagePool.load(id) : null;
  }

  /** The pool a volume lives in; the foreign key guarantees it, so absence is a bug. */
  async byIdRequired(ctx: StorageNetworkContext, id: string): Promise<StoragePoolRecord> {
    const pool = await this.byId(ctx, id);
    if (!pool) throw new Error(`storage pool ${id} not found although a volume references it`);
    return pool;
  }

  async list(ctx: StorageNetworkContext): Promise<StoragePoolRecord[]> {
    authorize(ctx, 'storage:read');
    return this.pools.list();
  }

  /** Ids of the hosts that can reach the pool (see reachableHostIds). */
  async hostIds(ctx: StorageNetworkContext, pool: StoragePoolRecord): Promise<string[]> {
    authorize(ctx, 'storage:read');
    return ctx.loaders.poolHostIds.load(pool);
  }
}
