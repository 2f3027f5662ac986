import type { InfrastructureContext } from '../context';
import type { DrsRecommendationService } from '../services/drs-recommendation.service';

/** `_entities` for DrsRecommendation: batched through the recommendationById loader. */
export function drsRecommendationReference(recommendations: DrsRecommendationService) {
  return {
    __resolveReference: (ref: { id: string }, ctx: InfrastructureContext) => recommendations.recommendation(ctx, ref.id),
  };
}
