// Clusters and DRS recommendations in domain terms: plain data read from their rows.

export type DrsAutomationLevel = 'MANUAL' | 'PARTIAL' | 'FULL';

export interface Cluster {
  id: string;
  name: string;
  description: string | null;
  haEnabled: boolean;
  drsEnabled: boolean;
  drsAutomationLevel: DrsAutomationLevel;
  /** Percent; a host above it is overloaded. */
  drsCpuThreshold: number;
  drsMemoryThreshold: number;
  /** When the DRS engine last ran on this cluster; null if never. */
  drsLastRunAt: Date | null;
  createdAt: Date;
}

export type DrsRecommendationStatus = 'PENDING' | 'APPROVED' | 'APPLIED' | 'REJECTED' | 'FAILED';

export const DRS_RECOMMENDATION_STATUSES: readonly DrsRecommendationStatus[] = ['PENDING', 'APPROVED', 'APPLIED', 'REJECTED', 'FAILED'];

export type RecommendationPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';

export interface DrsRecommendation {
  id: string;
  clusterId: string;
  priority: RecommendationPriority;
  /** MIGRATE for now. */
  kind: string;
  reason: string;
  vmId: string;
  sourceHostId: string;
  targetHostId: string;
  imbalanceBefore: number;
  imbalanceAfter: number;
  status: DrsRecommendationStatus;
  taskId: string | null;
  createdAt: Date;
  appliedAt: Date | null;
}

/** What `drsRecommendations(clusterId, statuses)` narrows by. */
export interface DrsRecommendationQuery {
  clusterId?: string;
  /** Any of these; absent or empty means every status. */
  statuses?: DrsRecommendationStatus[];
}
