import type { SubgraphDeps } from '../../../subgraphs/create-subgraphs';

/**
 * Dependencies for building subgraph schemas without running them (composition). Nothing may
 * execute against them: any use throws, so a resolver or controller that ran by mistake
 * cannot pass silently.
 */
export function schemaOnlyDeps(): SubgraphDeps {
  const refuse = <T>(what: string): T =>
    new Proxy({}, { get: (_t, prop) => { throw new Error(`${what}.${String(prop)} used while only composing schemas`); } }) as T;
  return {
    db: refuse('db'),
    audit: refuse('audit'),
    agents: refuse('agents'),
    coordination: refuse('coordination'),
    events: refuse('events'),
    secrets: { jwtSecret: new Uint8Array(32), identitySecret: new Uint8Array(32) },
    settings: {
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 604_800,
      heartbeat: { intervalMs: 2000, failureThreshold: 3 },
      overcommit: { cpu: 2, memory: 1.5 },
      taskTimeoutMs: 300_000,
      reconcileIntervalMs: 5000,
    },
    log: { info: () => undefined, warn: () => undefined },
  };
}
