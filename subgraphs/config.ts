import { z } from 'zod';
import { intFromEnv, parseConfig, SUBGRAPH_NAMES, type SubgraphName } from './platform/src';

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
const schema = z.object({
  /** PostgreSQL connection string. Required. */
  DATABASE_URL: z.string().url(),
  /** Port to listen on. Default: compute 4001, infrastructure 4002, storage-network 4003, ops 4004. */
  LQ_PORT: intFromEnv(0, 65535).optional(),
  /** Address to listen on. Default 0.0.0.0. */
  LQ_HOST: z.string().default('0.0.0.0'),
  LQ_DB_POOL_SIZE: intFromEnv(1, 200).default(10),
  LQ_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LQ_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LQ_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LQ_ACCESS_TOKEN_TTL: intFromEnv(30, 86_400).default(900),
  LQ_REFRESH_TOKEN_TTL: intFromEnv(300, 90 * 86_400).default(604_800),
});

export function loadSubgraphConfig(name: string | undefined, env: Record<string, string | undefined>) {
  if (!name || !SUBGRAPH_NAMES.includes(name as SubgraphName)) {
    throw new Error(`usage: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  }
  const subgraph = name as SubgraphName;
  const c = parseConfig(schema, env);
  return {
    subgraph,
    port: c.LQ_PORT ?? DEFAULT_SUBGRAPH_PORTS[subgraph],
    host: c.LQ_HOST,
    database: { kind: 'postgres', url: c.DATABASE_URL, poolSize: c.LQ_DB_POOL_SIZE } as const,
    adminPassword: c.LQ_ADMIN_PASSWORD,
    secrets: { jwtSecret: c.LQ_JWT_SECRET, identitySecret: c.LQ_INTERNAL_SECRET },
    accessTokenTtlSeconds: c.LQ_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: c.LQ_REFRESH_TOKEN_TTL,
  };
}
