import type { Database } from '../../../platform/src';
import type { VirtualNetwork as VirtualNetworkRow } from '../../../../prisma/generated/client';
import type { VirtualNetworkRecord } from '../domain/virtual-network';

function toVirtualNetwork(row: VirtualNetworkRow): VirtualNetworkRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    vlanId: row.vlanId,
    cidr: row.cidr,
    gateway: row.gateway,
    dhcpEnabled: row.dhcpEnabled,
    usableAddresses: row.usableAddresses,
    createdAt: row.createdAt,
  };
}

export class VirtualNetworkStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<VirtualNetworkRecord[]> {
    const rows = await this.db.virtualNetwork.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toVirtualNetwork);
  }

  /** Every network, oldest first; networks are few enough not to page. */
  async list(): Promise<VirtualNetworkRecord[]> {
    const rows = await this.db.virtualNetwork.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toVirtualNetwork);
  }

  /** Addresses handed out per network (ip_allocations rows), in one query. */
  async allocationCounts(networkIds: readonly string[]): Promise<Map<string, number>> {
    const groups = await this.db.ipAllocation.groupBy({
      by: ['networkId'],
      where: { networkId: { in: [...networkIds] } },
      _count: { _all: true },
    });
    return new Map(groups.map((g) => [g.networkId, g._count._all]));
  }
}
