import { authorize } from '../../../platform/src';
import { isUuid } from '../domain/ids';
import { freeAddresses, type VirtualNetworkRecord } from '../domain/virtual-network';
import type { VirtualNetworkStorage } from '../data/virtual-network.storage';
import type { StorageNetworkContext } from './context';

/** Reads virtual networks; every call needs network:read. */
export class VirtualNetworkService {
  constructor(private readonly networks: VirtualNetworkStorage) {}

  /** The network, or null when the id is unknown or not a UUID. */
  async byId(ctx: StorageNetworkContext, id: string): Promise<VirtualNetworkRecord | null> {
    authorize(ctx, 'network:read');
    return isUuid(id) ? ctx.loaders.network.load(id) : null;
  }

  async list(ctx: StorageNetworkContext): Promise<VirtualNetworkRecord[]> {
    authorize(ctx, 'network:read');
    return this.networks.list();
  }

  /** Usable addresses minus the ones handed out (one ip_allocations row each). */
  async freeAddresses(ctx: StorageNetworkContext, network: VirtualNetworkRecord): Promise<number> {
    authorize(ctx, 'network:read');
    return freeAddresses(network, await ctx.loaders.networkAllocationCount.load(network.id));
  }
}
