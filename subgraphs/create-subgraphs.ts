// The composition root of the four subgraphs: which dependencies each one gets. The embedded
// process, the per-subgraph processes, the supergraph composer and the tests all build
// subgraphs through here, so they cannot drift apart.
import type { AuditSink, Database, SharedSecrets, Subgraph, SubgraphName } from './platform/src';
import { createComputeSubgraph } from './compute/src';
import { createInfrastructureSubgraph } from './infrastructure/src';
import { createStorageNetworkSubgraph } from './storage-network/src';
import { createOpsSubgraph } from './ops/src';

export interface SubgraphDeps {
  db: Database;
  audit: AuditSink;
  secrets: SharedSecrets;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export async function createSubgraph(name: SubgraphName, deps: SubgraphDeps): Promise<Subgraph> {
  switch (name) {
    case 'compute':
      return (await createComputeSubgraph({ db: deps.db, audit: deps.audit })) as unknown as Subgraph;
    case 'infrastructure':
      return (await createInfrastructureSubgraph({ db: deps.db, audit: deps.audit })) as unknown as Subgraph;
    case 'storage-network':
      return (await createStorageNetworkSubgraph({ db: deps.db, audit: deps.audit })) as unknown as Subgraph;
    case 'ops':
      return (await createOpsSubgraph({
        db: deps.db,
        audit: deps.audit,
        jwtSecret: deps.secrets.jwtSecret,
        accessTokenTtlSeconds: deps.accessTokenTtlSeconds,
        refreshTokenTtlSeconds: deps.refreshTokenTtlSeconds,
      })) as unknown as Subgraph;
  }
}
