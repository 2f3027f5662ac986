import type { SubgraphDeps } from '../../../subgraphs/create-subgraphs';

/**
 * Dependencies for building subgraph schemas without running them (composition). Nothing may
 * execute against them: any use throws, so a resolver that ran by mistake cannot pass silently.
 */
export function schemaOnlyDeps(): SubgraphDeps {
  const refuse = (what: string) =>
    new Proxy({}, { get: (_t, prop) => { throw new Error(`${what}.${String(prop)} used while only composing schemas`); } });
  return {
    db: refuse('db') as SubgraphDeps['db'],
    audit: refuse('audit') as SubgraphDeps['audit'],
    secrets: { jwtSecret: new Uint8Array(32), identitySecret: new Uint8Array(32) },
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 604_800,
  };
}
