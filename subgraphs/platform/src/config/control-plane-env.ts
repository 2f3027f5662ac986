import { z } from 'zod';
import { commaList, intFromEnv } from './parse-config';

const ratio = z.coerce.number().positive().max(100);

/**
 * Variables every control-plane deployable reads (the gateway/embedded process and the
 * subgraph processes). Each deployable's config module extends this shape with its own.
 */
export const controlPlaneEnv = z.object({
  /** PostgreSQL connection string; the embedded process uses PGlite when unset. */
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL connections per process. Default 10. */
  LQ_DB_POOL_SIZE: intFromEnv(1, 200).default(10),
  /** Redis for change events across replicas; in-process when unset. */
  REDIS_URL: z.string().url().optional(),
  /** etcd for leases, locks and leader election; in-process when unset. */
  ETCD_ENDPOINTS: commaList.optional(),
  /** Password of the bootstrap admin on first start; generated and printed once when unset. */
  LQ_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Signs access tokens. Default: generated once and kept in the database. */
  LQ_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Signs the gateway's identity assertions. Default: generated once and kept in the database. */
  LQ_INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LQ_ACCESS_TOKEN_TTL: intFromEnv(30, 86_400).default(900),
  LQ_REFRESH_TOKEN_TTL: intFromEnv(300, 90 * 86_400).default(604_800),
  /** Folder with ca.crt, ca.key, control-plane.crt/.key; created when missing. Default <LQ_DATA_DIR>/pki. */
  LQ_PKI_DIR: z.string().optional(),
  /** Deadline of each agent call attempt, ms. Default 5000. */
  LQ_AGENT_DEADLINE_MS: intFromEnv(100, 120_000).default(5000),
  /** Interval agents heartbeat at, ms (simulated hosts use it). Default 2000. */
  LQ_HEARTBEAT_INTERVAL_MS: intFromEnv(50, 60_000).default(2000),
  /** Missed heartbeats before a host goes NOT_READY. Default 3. */
  LQ_HOST_FAILURE_THRESHOLD: intFromEnv(1, 100).default(3),
  /** CPU overcommit ratio: allocatable vCPUs = physical × ratio. Default 2.0. */
  LQ_OVERCOMMIT_CPU: ratio.default(2.0),
  /** Memory overcommit ratio. Default 1.5. */
  LQ_OVERCOMMIT_MEMORY: ratio.default(1.5),
  /** A task not finished after this many seconds is failed. Default 300. */
  LQ_TASK_TIMEOUT_SECONDS: intFromEnv(5, 86_400).default(300),
  /** How often the reconciler compares desired and observed state, ms. Default 5000. */
  LQ_RECONCILE_INTERVAL_MS: intFromEnv(100, 600_000).default(5000),
  /** Prefix of this deployment's etcd keys and Redis channels (several may share them). Default limiquantix. */
  LQ_NAMESPACE: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _').default('limiquantix'),
  /** The embedded data folder (PGlite data, generated PKI). Default ./.limiquantix. */
  LQ_DATA_DIR: z.string().default('./.limiquantix'),
});

export type ControlPlaneEnv = z.infer<typeof controlPlaneEnv>;

/** The parsed shared settings in the shape the wiring uses. */
export function controlPlaneSettings(c: ControlPlaneEnv) {
  return {
    redisUrl: c.REDIS_URL,
    etcdEndpoints: c.ETCD_ENDPOINTS,
    namespace: c.LQ_NAMESPACE,
    adminPassword: c.LQ_ADMIN_PASSWORD,
    secrets: { jwtSecret: c.LQ_JWT_SECRET, identitySecret: c.LQ_INTERNAL_SECRET },
    accessTokenTtlSeconds: c.LQ_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: c.LQ_REFRESH_TOKEN_TTL,
    pkiDir: c.LQ_PKI_DIR ?? `${c.LQ_DATA_DIR}/pki`,
    agentDeadlineMs: c.LQ_AGENT_DEADLINE_MS,
    heartbeat: { intervalMs: c.LQ_HEARTBEAT_INTERVAL_MS, failureThreshold: c.LQ_HOST_FAILURE_THRESHOLD },
    overcommit: { cpu: c.LQ_OVERCOMMIT_CPU, memory: c.LQ_OVERCOMMIT_MEMORY },
    taskTimeoutMs: c.LQ_TASK_TIMEOUT_SECONDS * 1000,
    reconcileIntervalMs: c.LQ_RECONCILE_INTERVAL_MS,
    dataDir: c.LQ_DATA_DIR,
  };
}

export type ControlPlaneSettings = ReturnType<typeof controlPlaneSettings>;
