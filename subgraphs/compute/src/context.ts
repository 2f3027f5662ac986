import type { RequestContext } from '../../platform/src';
import type { ComputeLoaders } from './data/loaders';

/** The request context of the compute subgraph: the gateway's, plus per-request DataLoaders. */
export interface ComputeContext extends RequestContext {
  loaders: ComputeLoaders;
}
