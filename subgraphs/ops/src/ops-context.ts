import type { RequestContext } from '../../platform/src';
import type { OpsLoaders } from './data/loaders';

/** The gateway-vouched request context plus this request's DataLoaders. */
export interface OpsContext extends RequestContext {
  loaders: OpsLoaders;
}
