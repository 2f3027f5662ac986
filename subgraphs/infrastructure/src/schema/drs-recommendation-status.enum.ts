import { registerEnumType } from 'type-graphql';
import type { DrsRecommendationStatus } from '../domain/cluster';

export const DrsRecommendationStatusEnum = {
  PENDING: 'PENDING',
  APPROVED: 'APPROVED',
  APPLIED: 'APPLIED',
  REJECTED: 'REJECTED',
  FAILED: 'FAILED',
} as const satisfies Record<DrsRecommendationStatus, DrsRecommendationStatus>;

registerEnumType(DrsRecommendationStatusEnum, { name: 'DrsRecommendationStatus' });
