import type { StoragePoolService } from '../services/storage-pool.service';
import type { StorageNetworkContext } from '../services/context';
import type { StoragePoolRecord } from '../domain/storage-pool';

/** Resolves `_entities` representations of StoragePool through the per-request DataLoader. */
export function storagePoolReference(service: StoragePoolService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: StorageNetworkContext): Promise<StoragePoolRecord | null> => service.byId(ctx, ref.id),
  };
}
