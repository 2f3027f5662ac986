// `npm run compose`: rebuilds gateway/supergraph.graphql from the subgraphs' schemas.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { SUBGRAPH_NAMES } from '../../../subgraphs/platform/src';
import { createSubgraph } from '../../../subgraphs/create-subgraphs';
import { composeSupergraph, SUPERGRAPH_PATH } from './compose';
import { schemaOnlyDeps } from './schema-only-deps';

async function main(): Promise<void> {
  const deps = schemaOnlyDeps();
  const subgraphs = (await Promise.all(SUBGRAPH_NAMES.map((name) => createSubgraph(name, deps)))).map((b) => b.subgraph);
  writeFileSync(SUPERGRAPH_PATH, composeSupergraph(subgraphs));
  console.log(`wrote ${SUPERGRAPH_PATH}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
