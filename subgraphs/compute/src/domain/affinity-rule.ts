export const AFFINITY_KINDS = ['AFFINITY', 'ANTI_AFFINITY'] as const;
/** AFFINITY keeps the member VMs on one host; ANTI_AFFINITY on different hosts. */
export type AffinityKind = (typeof AFFINITY_KINDS)[number];

export const ENFORCEMENTS = ['REQUIRED', 'PREFERRED'] as const;
/** REQUIRED rules filter hosts out; PREFERRED rules only weigh the scoring. */
export type Enforcement = (typeof ENFORCEMENTS)[number];

export interface AffinityRule {
  id: string;
  name: string;
  kind: AffinityKind;
  enforcement: Enforcement;
  createdAt: Date;
}
