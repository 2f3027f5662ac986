import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureClusterPki } from '../agents-client/src';
import { startSimulatedFleet, type SimulatedFleet } from '../agents-client/sim';
import type { TestClient } from './harness';

/**
 * Simulated hosts that live outside the control plane (so they survive its restart), signed
 * by the CA the control plane will load from `pkiDir`.
 */
export async function externalFleet(count: number, opts: { capacity?: { vcpus: number[]; memoryMib: number[] }; latencyScale?: number } = {}) {
  const pkiDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lq-fleet-')), 'pki');
  const pki = await ensureClusterPki(pkiDir);
  const fleet = await startSimulatedFleet({ count, pki, latencyScale: opts.latencyScale ?? 0.05, heartbeatMs: 200, capacity: opts.capacity, hostnamePrefix: `ext-${process.pid}` });
  return { fleet, env: { LQ_PKI_DIR: pkiDir } };
}

/** Registers the fleet's hosts through the API and returns their ids, in fleet order. */
export async function registerFleet(t: TestClient, fleet: SimulatedFleet): Promise<string[]> {
  const admin = await t.adminToken();
  const ids: string[] = [];
  for (const h of fleet.hosts) {
    const res = await t.gql<{ registerHost: { host: { id: string } | null; userErrors: unknown[] } }>(
      'mutation($a: String!) { registerHost(input: { agentAddress: $a }) { host { id } userErrors { code message } } }', { a: h.address }, admin);
    const id = res.data?.registerHost.host?.id;
    if (!id) throw new Error(`registerHost failed: ${JSON.stringify(res)}`);
    ids.push(id);
  }
  return ids;
}
