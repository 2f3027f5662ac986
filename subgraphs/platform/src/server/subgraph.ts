import type { GraphQLSchema } from 'graphql';
import type { RequestContext } from '../auth/viewer';

/**
 * What each subgraph package's `create<Name>Subgraph(deps)` returns: its federated schema and
 * how to turn the gateway-vouched request context into its own (adding per-request
 * DataLoaders). Servers, the gateway and tests handle all four subgraphs alike through it.
 */
export interface Subgraph<Ctx extends RequestContext = RequestContext> {
  name: SubgraphName;
  schema: GraphQLSchema;
  createContext(base: RequestContext): Ctx;
}

export const SUBGRAPH_NAMES = ['compute', 'infrastructure', 'storage-network', 'ops'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
