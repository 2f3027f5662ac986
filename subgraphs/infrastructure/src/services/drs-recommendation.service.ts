import { authorize } from '../../../platform/src';
import type { DrsRecommendation, DrsRecommendationQuery } from '../domain/cluster';
import type { DrsRecommendationStorage } from '../data/drs-recommendation.storage';
import type { InfrastructureContext } from '../context';
import { isUuid } from './ids';

/** Reading DRS recommendations; approve/reject and DRS runs join it later. */
export class DrsRecommendationService {
  constructor(private readonly recommendations: DrsRecommendationStorage) {}

  /** Recommendations of one cluster (or all), in any of the statuses, most urgent first. */
  async recommendations(ctx: InfrastructureContext, query: DrsRecommendationQuery): Promise<DrsRecommendation[]> {
    authorize(ctx, 'drs:read');
    if (query.clusterId !== undefined && !isUuid(query.clusterId)) return [];
    return this.withLiveHosts(ctx, await this.recommendations.list(query));
  }

  /** One recommendation by id (entity references), or null. */
  async recommendation(ctx: InfrastructureContext, id: string): Promise<DrsRecommendation | null> {
    authorize(ctx, 'drs:read');
    const rec = isUuid(id) ? await ctx.loaders.recommendationById.load(id) : null;
    if (!rec) return null;
    return (await this.withLiveHosts(ctx, [rec]))[0] ?? null;
  }

  /**
   * Drops recommendations whose source or target host was removed. The table has no foreign
   * key to hosts and sourceHost/targetHost are non-null, so one such row would otherwise
   * null the whole list; a move from or to a host that is gone cannot be applied anyway.
   * The hosts land in the per-request loader, so the field resolvers query nothing more.
   */
  private async withLiveHosts(ctx: InfrastructureContext, recs: DrsRecommendation[]): Promise<DrsRecommendation[]> {
    const ids = [...new Set(recs.flatMap((r) => [r.sourceHostId, r.targetHostId]))];
    const hosts = await ctx.loaders.hostById.loadMany(ids);
    const live = new Set(hosts.flatMap((h) => (h && !(h instanceof Error) ? [h.id] : [])));
    return recs.filter((r) => live.has(r.sourceHostId) && live.has(r.targetHostId));
  }
}
