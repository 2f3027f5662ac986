import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { Subgraph, SubgraphName } from '../../../subgraphs/platform/src';

/** The checked-in supergraph the gateway serves (`npm run compose` rewrites it). */
export const SUPERGRAPH_PATH = path.resolve(__dirname, '../../supergraph.graphql');

/**
 * Routing URLs written into the checked-in supergraph: the service names of
 * docker-compose.yaml. Other topologies override them with LQ_SUBGRAPH_URLS; the embedded
 * mode with the loopback ports it picked.
 */
export const DEFAULT_ROUTING_URLS: Record<SubgraphName, string> = {
  compute: 'http://compute:4001/graphql',
  infrastructure: 'http://infrastructure:4002/graphql',
  'storage-network': 'http://storage-network:4003/graphql',
  ops: 'http://ops:4004/graphql',
};

export class CompositionError extends Error {}

/** Composes subgraph schemas into a supergraph SDL, ahead of time, as Apollo recommends. */
export function composeSupergraph(subgraphs: Pick<Subgraph, 'name' | 'schema'>[]): string {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: DEFAULT_ROUTING_URLS[s.name], typeDefs: parse(printSubgraphSchema(s.schema)) })),
  );
  if (result.errors) {
    throw new CompositionError(`Composition failed:\n${result.errors.map((e) => `  ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
