import { registerEnumType } from 'type-graphql';

export const AlertMetricEnum = {
  HOST_CPU_PERCENT: 'HOST_CPU_PERCENT',
  HOST_MEMORY_PERCENT: 'HOST_MEMORY_PERCENT',
  POOL_ALLOCATED_PERCENT: 'POOL_ALLOCATED_PERCENT',
  HOST_NOT_READY: 'HOST_NOT_READY',
  VM_FAILED: 'VM_FAILED',
} as const;

registerEnumType(AlertMetricEnum, { name: 'AlertMetric' });
