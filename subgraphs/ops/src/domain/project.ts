/** The resources a quota limits and a project uses. */
export const QUOTA_RESOURCES = ['vcpus', 'memoryMib', 'vms', 'storageGib'] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

/** Limits per resource; null means unlimited. */
export type Quota = Record<QuotaResource, number | null>;
/** What the project's VMs and volumes hold now (the row's counters). */
export type Usage = Record<QuotaResource, number>;

export interface Project {
  id: string;
  name: string;
  description: string | null;
  quota: Quota;
  usage: Usage;
  createdAt: Date;
}

export const UNLIMITED_QUOTA: Quota = { vcpus: null, memoryMib: null, vms: null, storageGib: null };

export interface QuotaShortfall {
  resource: QuotaResource;
  limit: number;
  used: number;
}

/**
 * The limits of `change` that are below what the project already uses: lowering a limit
 * under current usage would leave the project over quota, so it is refused. Absent and null
 * limits (unchanged, unlimited) never fall short.
 */
export function quotaShortfalls(change: Partial<Quota>, usage: Usage): QuotaShortfall[] {
  const out: QuotaShortfall[] = [];
  for (const resource of QUOTA_RESOURCES) {
    const limit = change[resource];
    if (limit !== undefined && limit !== null && limit < usage[resource]) {
      out.push({ resource, limit, used: usage[resource] });
    }
  }
  return out;
}
