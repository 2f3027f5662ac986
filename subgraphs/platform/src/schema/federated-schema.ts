import { parse, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchema, createResolversMap, type ContainerType, type NonEmptyArray, type PubSub } from 'type-graphql';
import { auditMiddleware, type AuditSink } from '../audit/audit.middleware';
import { DateTimeScalar } from './scalars';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

/**
 * Subgraphs never serve subscriptions: the gateway does, over graphql-ws, from the event bus.
 * Yet type-graphql refuses to build a schema with a @Subscription unless given a PubSub, even
 * when the field brings its own `subscribe`; this one fails loudly if anything reaches it.
 */
const NO_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('subscriptions are served by the gateway over graphql-ws');
  },
  subscribe: () => {
    throw new Error('subscriptions are served by the gateway over graphql-ws');
  },
};

/** `__resolveReference` per entity type name; each is backed by a per-request DataLoader. */
export type ReferenceResolvers = Record<string, { __resolveReference: (ref: { id: string }, ctx: never) => unknown }>;

// type-graphql identifies resolver and type classes by their constructors.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassRef = Function;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<ClassRef>;
  /** Types not reachable from a resolver, e.g. other subgraphs' entity stubs. */
  orphanedTypes?: ClassRef[];
  references?: ReferenceResolvers;
  /** Hands type-graphql the resolver instances the subgraph built with its dependencies. */
  container: ContainerType;
  audit: AuditSink;
}

/**
 * type-graphql classes -> an Apollo Federation 2 subgraph schema. type-graphql prints the
 * SDL with our @key/@shareable directives; buildSubgraphSchema adds `_entities`/`_service`.
 */
export async function buildFederatedSchema(opts: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    container: opts.container,
    globalMiddlewares: [auditMiddleware(opts.audit)],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    pubSub: NO_PUBSUB,
    validate: false,
    skipCheck: true,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, ref] of Object.entries(opts.references ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...ref } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema({ typeDefs, resolvers });
}

/** A container that hands out the instances it was given, keyed by class. */
export function instanceContainer(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((i) => [i.constructor, i]));
  return {
    get(someClass: unknown) {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`no instance registered for ${(someClass as { name?: string }).name}`);
      return instance;
    },
  };
}
