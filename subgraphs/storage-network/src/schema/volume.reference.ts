import type { VolumeService } from '../services/volume.service';
import type { StorageNetworkContext } from '../services/context';
import type { VolumeRecord } from '../domain/volume';

/** Resolves `_entities` representations of Volume through the per-request DataLoader. */
export function volumeReference(service: VolumeService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: StorageNetworkContext): Promise<VolumeRecord | null> => service.byId(ctx, ref.id),
  };
}
