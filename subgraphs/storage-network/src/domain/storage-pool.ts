export const StoragePoolType = {
  CEPH_RBD: 'CEPH_RBD',
  LOCAL_LVM: 'LOCAL_LVM',
  NFS: 'NFS',
} as const;
export type StoragePoolType = (typeof StoragePoolType)[keyof typeof StoragePoolType];

export const StoragePhase = {
  CREATING: 'CREATING',
  READY: 'READY',
  DEGRADED: 'DEGRADED',
  ERROR: 'ERROR',
  DELETING: 'DELETING',
} as const;
export type StoragePhase = (typeof StoragePhase)[keyof typeof StoragePhase];

export interface StoragePoolRecord {
  id: string;
  name: string;
  type: StoragePoolType;
  phase: StoragePhase;
  capacityGib: number;
  /** Provisioned to volumes. */
  allocatedGib: number;
  /** LOCAL_LVM only: the one host whose disks hold the pool. */
  hostId: string | null;
  createdAt: Date;
}

/** Whether every host reaches the pool over the network rather than through its own disks. */
export function isSharedPoolType(type: StoragePoolType): boolean {
  switch (type) {
    case 'CEPH_RBD':
    case 'NFS':
      return true;
    case 'LOCAL_LVM':
      return false;
    default: {
      const unreachable: never = type;
      throw new Error(`Unknown storage pool type: ${String(unreachable)}`);
    }
  }
}

/**
 * The hosts that can use a pool. A LOCAL_LVM volume group lives on one host's disks, so only
 * that host reaches it (none once that host is removed). Ceph RBD and NFS are served over the
 * network to the whole fleet, and no table records per-host mounts, so every host reaches them.
 */
export function reachableHostIds(pool: Pick<StoragePoolRecord, 'type' | 'hostId'>, allHostIds: readonly string[]): string[] {
  if (isSharedPoolType(pool.type)) return [...allHostIds];
  return pool.hostId ? [pool.hostId] : [];
}
