import { startSimulatedFleet, type SimulatedFleet } from '../../agents-client/sim';
import type { ClusterPki } from '../../agents-client/src';
import { IDENTITY_HEADER, signIdentity } from '../../subgraphs/platform/src';

/** The identity demo hosts are registered under; it appears as the actor in the audit log. */
const DEMO_REGISTRAR = { userId: '00000000-0000-4000-8000-00000000d3e0', username: 'system:demo-fleet', role: 'ADMIN' as const };

export interface DemoFleetOptions {
  count: number;
  pki: ClusterPki;
  seed: number;
  basePort: number;
  latencyScale: number;
  heartbeatMs: number;
  /** Keeps the demo hosts' VMs across restarts: path.join(<data dir>, 'demo-fleet.json'). Default: not kept. */
  statePath?: string;
}

/** Simulated hypervisors for the embedded mode, so a newcomer can create a VM at once. */
export function startDemoFleet(o: DemoFleetOptions): Promise<SimulatedFleet> {
  return startSimulatedFleet({
    count: o.count,
    pki: o.pki,
    seed: o.seed,
    basePort: o.basePort,
    latencyScale: o.latencyScale,
    heartbeatMs: o.heartbeatMs,
    hostnamePrefix: 'demo-host',
    statePath: o.statePath,
  });
}

/**
 * Registers the demo hosts through the real registerHost mutation of the infrastructure
 * subgraph, under a system identity signed like the gateway's: the same validation, mTLS
 * dial and audit trail as an operator's registration. Hosts registered on an earlier start
 * come back as CONFLICT, which is fine.
 */
export async function registerDemoHosts(infrastructureUrl: string, identitySecret: Uint8Array, addresses: string[]): Promise<{ registered: number; failures: string[] }> {
  const assertion = await signIdentity(identitySecret, { viewer: DEMO_REGISTRAR, authError: null, clientIp: null, requestId: 'demo-fleet' });
  let registered = 0;
  const failures: string[] = [];
  for (const agentAddress of addresses) {
    const res = await fetch(infrastructureUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: assertion },
      body: JSON.stringify({
        query: 'mutation($i: RegisterHostInput!) { registerHost(input: $i) { host { id } userErrors { code message } } }',
        variables: { i: { agentAddress, labels: [{ key: 'demo', value: 'true' }] } },
      }),
    });
    const body = (await res.json()) as { data?: { registerHost: { host: { id: string } | null; userErrors: { code: string; message: string }[] } }; errors?: { message: string }[] };
    const payload = body.data?.registerHost;
    if (payload?.host) registered += 1;
    else if (payload?.userErrors.every((e) => e.code === 'CONFLICT')) continue;
    else failures.push(`${agentAddress}: ${payload?.userErrors.map((e) => e.message).join('; ') ?? body.errors?.map((e) => e.message).join('; ')}`);
  }
  return { registered, failures };
}
