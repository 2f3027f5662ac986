import type { RequestContext } from '../../../platform/src';
import type { Loaders } from '../data/loaders';

/** The gateway-vouched request plus this subgraph's per-request DataLoaders. */
export interface StorageNetworkContext extends RequestContext {
  loaders: Loaders;
}
