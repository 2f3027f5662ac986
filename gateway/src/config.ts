import { z } from 'zod';
import { commaList, intFromEnv, parseConfig } from '../../subgraphs/platform/src';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/platform/src';

/**
 * The one configuration module of the `limiquantix` deployable (the embedded all-in-one
 * process and the gateway role). Every variable is listed in the README.
 */
const schema = z.object({
  /** HTTP/WebSocket port of the gateway. Default 4000. */
  LQ_PORT: intFromEnv(0, 65535).default(4000),
  /** Address to listen on. Default 0.0.0.0. */
  LQ_HOST: z.string().default('0.0.0.0'),
  /** Embedded mode: the PGlite data folder (also holds generated PKI). Default ./.limiquantix. */
  LQ_DATA_DIR: z.string().default('./.limiquantix'),
  /** PostgreSQL connection string; when set, PGlite is not used. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis for change events across replicas; in-process pub/sub when unset. */
  REDIS_URL: z.string().url().optional(),
  /** PostgreSQL pool size per process. Default 10. */
  LQ_DB_POOL_SIZE: intFromEnv(1, 200).default(10),
  /** Password of the bootstrap `admin` user on first start; generated and printed once if unset. */
  LQ_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Signs access tokens. Default: generated once and kept in the database (shared by replicas). */
  LQ_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Signs the gateway's identity assertions to subgraphs. Default: generated once and kept in the database. */
  LQ_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Access token lifetime in seconds. Default 900 (15 min). */
  LQ_ACCESS_TOKEN_TTL: intFromEnv(30, 86_400).default(900),
  /** Refresh token lifetime in seconds. Default 604800 (7 days). */
  LQ_REFRESH_TOKEN_TTL: intFromEnv(300, 90 * 86_400).default(604_800),
  /** Gateway role only: `compute=http://…/graphql,infrastructure=…,storage-network=…,ops=…`. */
  LQ_SUBGRAPH_URLS: commaList.optional(),
  /** Deepest operation allowed. Default 15. */
  LQ_MAX_DEPTH: intFromEnv(3, 100).default(15),
  /** Highest estimated operation cost allowed. Default 25000. */
  LQ_MAX_COST: intFromEnv(100, 10_000_000).default(25_000),
  /** Most aliases in one operation. Default 30. */
  LQ_MAX_ALIASES: intFromEnv(1, 1000).default(30),
  /** production disables introspection and GraphiQL. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

function parseSubgraphUrls(entries: string[] | undefined): Partial<Record<SubgraphName, string>> {
  const out: Partial<Record<SubgraphName, string>> = {};
  for (const entry of entries ?? []) {
    const eq = entry.indexOf('=');
    const name = entry.slice(0, eq) as SubgraphName;
    if (eq < 1 || !SUBGRAPH_NAMES.includes(name)) throw new Error(`LQ_SUBGRAPH_URLS: unknown subgraph in "${entry}" (expected ${SUBGRAPH_NAMES.join(', ')})`);
    out[name] = new URL(entry.slice(eq + 1)).toString();
  }
  return out;
}

export function loadGatewayConfig(env: Record<string, string | undefined>) {
  const c = parseConfig(schema, env);
  return {
    port: c.LQ_PORT,
    host: c.LQ_HOST,
    dataDir: c.LQ_DATA_DIR,
    database: c.DATABASE_URL
      ? ({ kind: 'postgres', url: c.DATABASE_URL, poolSize: c.LQ_DB_POOL_SIZE } as const)
      : ({ kind: 'pglite', dataDir: c.LQ_DATA_DIR } as const),
    redisUrl: c.REDIS_URL,
    adminPassword: c.LQ_ADMIN_PASSWORD,
    secrets: { jwtSecret: c.LQ_JWT_SECRET, identitySecret: c.LQ_INTERNAL_SECRET },
    accessTokenTtlSeconds: c.LQ_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: c.LQ_REFRESH_TOKEN_TTL,
    subgraphUrls: parseSubgraphUrls(c.LQ_SUBGRAPH_URLS),
    limits: { maxDepth: c.LQ_MAX_DEPTH, maxCost: c.LQ_MAX_COST, maxAliases: c.LQ_MAX_ALIASES },
    production: c.NODE_ENV === 'production',
  };
}
