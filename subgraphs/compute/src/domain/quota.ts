// Project quotas as the compute subgraph reserves them: vCPUs, memory and the VM count. The
// reservation itself is one conditional UPDATE in data/; this file only explains a refusal.

export const QUOTA_RESOURCES = ['vcpus', 'memoryMib', 'vms'] as const;
export type QuotaResource = (typeof QUOTA_RESOURCES)[number];

export type QuotaAmounts = Record<QuotaResource, number>;

/** Limits (null: unlimited) and what is in use, from the project row. */
export interface ProjectQuota {
  limits: Record<QuotaResource, number | null>;
  used: QuotaAmounts;
}

export interface QuotaShortfall {
  resource: QuotaResource;
  limit: number;
  used: number;
  requested: number;
  message: string;
}

const UNIT: Record<QuotaResource, string> = { vcpus: 'vCPU', memoryMib: 'MiB of memory', vms: 'VM' };

/** Every limit the request would exceed, in QUOTA_RESOURCES order; empty when it fits. */
export function quotaShortfalls(quota: ProjectQuota, requested: QuotaAmounts): QuotaShortfall[] {
  const out: QuotaShortfall[] = [];
  for (const resource of QUOTA_RESOURCES) {
    const limit = quota.limits[resource];
    const used = quota.used[resource];
    const want = requested[resource];
    if (limit === null || used + want <= limit) continue;
    out.push({
      resource,
      limit,
      used,
      requested: want,
      message: `project quota exceeded for ${resource}: ${used} of ${limit} ${UNIT[resource]} in use, ${want} more requested`,
    });
  }
  return out;
}
