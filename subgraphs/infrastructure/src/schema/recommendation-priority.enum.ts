import { registerEnumType } from 'type-graphql';
import type { RecommendationPriority } from '../domain/cluster';

export const RecommendationPriorityEnum = {
  CRITICAL: 'CRITICAL',
  HIGH: 'HIGH',
  MEDIUM: 'MEDIUM',
  LOW: 'LOW',
} as const satisfies Record<RecommendationPriority, RecommendationPriority>;

registerEnumType(RecommendationPriorityEnum, { name: 'RecommendationPriority' });
