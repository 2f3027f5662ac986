import DataLoader from 'dataloader';
import { reachableHostIds, isSharedPoolType, type StoragePoolRecord } from '../domain/storage-pool';
import type { VolumeRecord } from '../domain/volume';
import type { VirtualNetworkRecord } from '../domain/virtual-network';
import type { SecurityGroupRecord, SecurityRuleRecord } from '../domain/security-group';
import type { StoragePoolStorage } from './storage-pool.storage';
import type { VolumeStorage } from './volume.storage';
import type { VirtualNetworkStorage } from './virtual-network.storage';
import type { SecurityGroupStorage } from './security-group.storage';

/** The subgraph's data objects, built once at start-up around the Prisma client. */
export interface DataStores {
  pools: StoragePoolStorage;
  volumes: VolumeStorage;
  networks: VirtualNetworkStorage;
  securityGroups: SecurityGroupStorage;
}

/** Reorders rows fetched with `id in (...)` to the keys' order; missing ids give null. */
function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const found = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => found.get(id) ?? null);
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

/**
 * Per-request DataLoaders: every entity reference and per-parent list of one GraphQL request
 * costs one query per kind, whatever the number of parents. Keys must be valid UUIDs (the
 * services check), or PostgreSQL refuses the whole batch.
 */
export function createLoaders(data: DataStores) {
  return {
    storagePool: new DataLoader<string, StoragePoolRecord | null>(async (ids) => byId(ids, await data.pools.findByIds(ids))),
    volume: new DataLoader<string, VolumeRecord | null>(async (ids) => byId(ids, await data.volumes.findByIds(ids))),
    network: new DataLoader<string, VirtualNetworkRecord | null>(async (ids) => byId(ids, await data.networks.findByIds(ids))),
    securityGroup: new DataLoader<string, SecurityGroupRecord | null>(async (ids) => byId(ids, await data.securityGroups.findByIds(ids))),

    /** Hosts reaching each pool; all host ids are read once, only if a shared pool asks. */
    poolHostIds: new DataLoader<StoragePoolRecord, string[], string>(
      async (pools) => {
        const allHostIds = pools.some((p) => isSharedPoolType(p.type)) ? await data.pools.allHostIds() : [];
        return pools.map((pool) => reachableHostIds(pool, allHostIds));
      },
      { cacheKeyFn: (pool) => pool.id },
    ),
    poolVolumeCount: new DataLoader<string, number>(async (poolIds) => {
      const counts = await data.volumes.countByPool(poolIds);
      return poolIds.map((id) => counts.get(id) ?? 0);
    }),
    networkAllocationCount: new DataLoader<string, number>(async (networkIds) => {
      const counts = await data.networks.allocationCounts(networkIds);
      return networkIds.map((id) => counts.get(id) ?? 0);
    }),
    securityGroupRules: new DataLoader<string, SecurityRuleRecord[]>(async (groupIds) =>
      groupBy(groupIds, await data.securityGroups.rulesOfGroups(groupIds), (r) => r.securityGroupId),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
