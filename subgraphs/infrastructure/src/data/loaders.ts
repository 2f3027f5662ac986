import DataLoader from 'dataloader';
import type { Cluster, DrsRecommendation } from '../domain/cluster';
import type { Host } from '../domain/host';
import type { ClusterStorage } from './cluster.storage';
import type { DrsRecommendationStorage } from './drs-recommendation.storage';
import type { HostStorage } from './host.storage';

/** The storage methods the loaders batch into (the storages, built once at start-up). */
export interface LoaderSources {
  hosts: Pick<HostStorage, 'findByIds' | 'readyHostsByCluster'>;
  clusters: Pick<ClusterStorage, 'findByIds'>;
  recommendations: Pick<DrsRecommendationStorage, 'findByIds' | 'countPendingByCluster'>;
}

/**
 * Per-request batching: each loader turns the N lookups one GraphQL response makes (entity
 * references, Host.cluster, DrsRecommendation.sourceHost...) into one query. Built per
 * request so nothing is cached across callers.
 */
export interface InfrastructureLoaders {
  hostById: DataLoader<string, Host | null>;
  clusterById: DataLoader<string, Cluster | null>;
  recommendationById: DataLoader<string, DrsRecommendation | null>;
  /** READY hosts of a cluster, for its balance. */
  readyHostsByClusterId: DataLoader<string, Host[]>;
  pendingRecommendationCountByClusterId: DataLoader<string, number>;
}

export function createLoaders(stores: LoaderSources): InfrastructureLoaders {
  return {
    hostById: new DataLoader((ids) => stores.hosts.findByIds(ids).then((rows) => byKey(ids, rows))),
    clusterById: new DataLoader((ids) => stores.clusters.findByIds(ids).then((rows) => byKey(ids, rows))),
    recommendationById: new DataLoader((ids) => stores.recommendations.findByIds(ids).then((rows) => byKey(ids, rows))),
    readyHostsByClusterId: new DataLoader((ids) =>
      stores.hosts.readyHostsByCluster(ids).then((map) => ids.map((id) => map.get(id) ?? []))),
    pendingRecommendationCountByClusterId: new DataLoader((ids) =>
      stores.recommendations.countPendingByCluster(ids).then((map) => ids.map((id) => map.get(id) ?? 0))),
  };
}

/** DataLoader wants one result per key, in key order. */
function byKey<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}
