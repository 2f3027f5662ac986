import 'reflect-metadata';
import { SUBGRAPH_NAMES } from '../subgraphs/platform/src';
import { createSubgraph } from '../subgraphs/create-subgraphs';
import { composeSupergraph, readSupergraph } from '../gateway/src/supergraph/compose';
import { schemaOnlyDeps } from '../gateway/src/supergraph/schema-only-deps';

describe('checked-in supergraph', () => {
  it('matches what the subgraphs compose to now (run `npm run compose` when this fails)', async () => {
    const deps = schemaOnlyDeps();
    const subgraphs = (await Promise.all(SUBGRAPH_NAMES.map((name) => createSubgraph(name, deps)))).map((b) => b.subgraph);
    expect(readSupergraph()).toBe(composeSupergraph(subgraphs));
  });
});
