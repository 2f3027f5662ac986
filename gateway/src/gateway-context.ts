import type { RequestContext } from '../../subgraphs/platform/src';

/** Per-request context of the gateway: the caller as verified at the edge. */
export type GatewayContext = RequestContext;
