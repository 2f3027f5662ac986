import type { VirtualNetworkService } from '../services/virtual-network.service';
import type { StorageNetworkContext } from '../services/context';
import type { VirtualNetworkRecord } from '../domain/virtual-network';

/** Resolves `_entities` representations of VirtualNetwork through the per-request DataLoader. */
export function virtualNetworkReference(service: VirtualNetworkService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: StorageNetworkContext): Promise<VirtualNetworkRecord | null> => service.byId(ctx, ref.id),
  };
}
