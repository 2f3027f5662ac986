import { z } from 'zod';
import { controlPlaneEnv, controlPlaneSettings, intFromEnv, parseConfig, SUBGRAPH_NAMES, type SubgraphName } from './platform/src';

/** Default port of each subgraph process (docker-compose.yaml uses the same). */
export const DEFAULT_SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  compute: 4001,
  infrastructure: 4002,
  'storage-network': 4003,
  ops: 4004,
};

/**
 * The one configuration module of a subgraph process (`npm run start:subgraph -- <name>`).
 * A subgraph process always uses PostgreSQL: PGlite is one process per data folder, so the
 * split topology needs a real server.
 */
const schema = controlPlaneEnv.extend({
  DATABASE_URL: z.string().url({ message: 'is required for a subgraph process (a PostgreSQL URL)' }),
  /** Port to listen on. Default: compute 4001, infrastructure 4002, storage-network 4003, ops 4004. */
  LQ_PORT: intFromEnv(0, 65535).optional(),
  /** Address to listen on. Default 0.0.0.0. */
  LQ_HOST: z.string().default('0.0.0.0'),
});

export function loadSubgraphConfig(name: string | undefined, env: Record<string, string | undefined>) {
  if (!name || !SUBGRAPH_NAMES.includes(name as SubgraphName)) {
    throw new Error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  }
  const subgraph = name as SubgraphName;
  const c = parseConfig(schema, env);
  return {
    ...controlPlaneSettings(c),
    subgraph,
    port: c.LQ_PORT ?? DEFAULT_SUBGRAPH_PORTS[subgraph],
    host: c.LQ_HOST,
    database: { kind: 'postgres', url: c.DATABASE_URL, poolSize: c.LQ_DB_POOL_SIZE } as const,
  };
}
