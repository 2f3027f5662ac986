import { authorize, toConnection, type Connection, type PageArgs } from '../../../platform/src';
import { isUuid } from '../domain/ids';
import type { VolumeFilter, VolumeRecord } from '../domain/volume';
import type { VolumeStorage } from '../data/volume.storage';
import type { StorageNetworkContext } from './context';
import { emptyConnection, uuidPageRequest } from './page-request';

/** Reads volumes; every call needs storage:read. */
export class VolumeService {
  constructor(private readonly volumes: VolumeStorage) {}

  /** The volume, or null when the id is unknown or not a UUID. */
  async byId(ctx: StorageNetworkContext, id: string): Promise<VolumeRecord | null> {
    authorize(ctx, 'storage:read');
    return isUuid(id) ? ctx.loaders.volume.load(id) : null;
  }

  /**
   * Volumes oldest first, optionally of one project. A projectId that is not a UUID names no
   * project, so it matches nothing rather than failing.
   */
  async list(ctx: StorageNetworkContext, filter: VolumeFilter, args: PageArgs): Promise<Connection<VolumeRecord>> {
    authorize(ctx, 'storage:read');
    const req = uuidPageRequest(args);
    if (Object.values(filter).some((id) => id !== undefined && !isUuid(id))) return emptyConnection();
    const [rows, total] = await Promise.all([this.volumes.page(filter, req), this.volumes.count(filter)]);
    return toConnection(rows, req, total, (row) => row);
  }

  /**
   * One pool's volumes. Each pool's page is its own query (pages cannot share a LIMIT), but
   * the total comes from the batched per-pool count; pools are few, so this stays cheap.
   */
  async listInPool(ctx: StorageNetworkContext, poolId: string, args: PageArgs): Promise<Connection<VolumeRecord>> {
    authorize(ctx, 'storage:read');
    const req = uuidPageRequest(args);
    const [rows, total] = await Promise.all([this.volumes.page({ poolId }, req), ctx.loaders.poolVolumeCount.load(poolId)]);
    return toConnection(rows, req, total, (row) => row);
  }
}
