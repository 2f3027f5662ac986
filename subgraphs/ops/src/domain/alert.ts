export type Severity = 'CRITICAL' | 'WARNING' | 'INFO';
export type AlertState = 'FIRING' | 'ACKNOWLEDGED' | 'RESOLVED';
export type AlertMetric = 'HOST_CPU_PERCENT' | 'HOST_MEMORY_PERCENT' | 'POOL_ALLOCATED_PERCENT' | 'HOST_NOT_READY' | 'VM_FAILED';
export type Comparison = 'GT' | 'GTE' | 'LT' | 'LTE';

export interface Alert {
  id: string;
  severity: Severity;
  title: string;
  message: string | null;
  sourceType: string;
  sourceId: string | null;
  state: AlertState;
  ruleId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

export interface AlertRule {
  id: string;
  name: string;
  metric: AlertMetric;
  comparison: Comparison;
  threshold: number;
  forSeconds: number;
  severity: Severity;
  enabled: boolean;
  createdAt: Date;
}

/** Empty or absent lists do not filter. */
export interface AlertFilter {
  states?: AlertState[] | null;
  severities?: Severity[] | null;
  sourceId?: string | null;
}
