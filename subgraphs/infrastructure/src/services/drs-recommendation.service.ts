import { authorize } from '../../../platform/src';
import type { DrsRecommendation, DrsRecommendationQuery } from '../domain/cluster';
import type { DrsRecommendationStorage } from '../data/drs-recommendation.storage';
import type { InfrastructureContext } from '../context';
import { isUuid } from './ids';

/** Reading DRS recommendations; approve/reject and DRS runs join it later. */
export class DrsRecommendationService {
  constructor(private readonly storage: DrsRecommendationStorage) {}

  /** Recommendations of one cluster (or all), in any of the statuses, most urgent first. */
  async recommendations(ctx: InfrastructureContext, query: DrsRecommendationQuery): Promise<DrsRecommendation[]> {
    authorize(ctx, 'drs:read');
    // No recommendation can belong to a cluster whose id is not a uuid.
    if (query.clusterId !== undefined && !isUuid(query.clusterId)) return [];
    return this.storage.list(query);
  }

  /** One recommendation by id (entity references), or null. */
  async recommendation(ctx: InfrastructureContext, id: string): Promise<DrsRecommendation | null> {
    authorize(ctx, 'drs:read');
    return isUuid(id) ? ctx.loaders.recommendationById.load(id) : null;
  }
}
