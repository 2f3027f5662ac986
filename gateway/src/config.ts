import { z } from 'zod';
import { commaList, controlPlaneEnv, controlPlaneSettings, intFromEnv, parseConfig } from '../../subgraphs/platform/src';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/platform/src';

/**
 * The one configuration module of the `limiquantix` deployable (the embedded all-in-one
 * process and the gateway role). Shared control-plane variables come from
 * platform/config/control-plane-env.ts; every variable is listed in the README.
 */
const schema = controlPlaneEnv.extend({
  /** HTTP/WebSocket port of the gateway. Default 4000. */
  LQ_PORT: intFromEnv(0, 65535).default(4000),
  /** Address to listen on. Default 0.0.0.0. */
  LQ_HOST: z.string().default('0.0.0.0'),
  /** Gateway role only: `compute=http://…/graphql,infrastructure=…,storage-network=…,ops=…`. */
  LQ_SUBGRAPH_URLS: commaList.optional(),
  /** Embedded mode: simulated hosts started and registered at start-up. Default 3; 0 for none. */
  LQ_DEMO_HOSTS: intFromEnv(0, 5000).default(3),
  /** First port of the demo hosts (host i listens on base + i); 0 picks free ports. Default 17000. */
  LQ_SIM_BASE_PORT: intFromEnv(0, 65535).default(17000),
  /** Seed of the demo fleet (same seed, same hosts). Default 42. */
  LQ_SIM_SEED: intFromEnv(0, 2 ** 31).default(42),
  /** Multiplies the simulated hosts' operation durations. Default 1. */
  LQ_SIM_LATENCY_SCALE: z.coerce.number().min(0).max(100).default(1),
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
    ...controlPlaneSettings(c),
    port: c.LQ_PORT,
    host: c.LQ_HOST,
    database: c.DATABASE_URL
      ? ({ kind: 'postgres', url: c.DATABASE_URL, poolSize: c.LQ_DB_POOL_SIZE } as const)
      : ({ kind: 'pglite', dataDir: c.LQ_DATA_DIR } as const),
    subgraphUrls: parseSubgraphUrls(c.LQ_SUBGRAPH_URLS),
    demoHosts: c.LQ_DEMO_HOSTS,
    sim: { latencyScale: c.LQ_SIM_LATENCY_SCALE, basePort: c.LQ_SIM_BASE_PORT, seed: c.LQ_SIM_SEED },
    limits: { maxDepth: c.LQ_MAX_DEPTH, maxCost: c.LQ_MAX_COST, maxAliases: c.LQ_MAX_ALIASES },
    production: c.NODE_ENV === 'production',
  };
}
