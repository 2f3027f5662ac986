import type { RequestContext } from '../../platform/src';
import type { InfrastructureLoaders } from './data/loaders';

/** The request context of this subgraph: the gateway's, plus per-request DataLoaders. */
export interface InfrastructureContext extends RequestContext {
  loaders: InfrastructureLoaders;
}
