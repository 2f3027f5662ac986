import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadGatewayConfig } from '../gateway/src/config';
import { startControlPlane } from '../gateway/src/control-plane';

export interface E2eOptions {
  /** A PostgreSQL server; a fresh database is created on it for the run. */
  adminUrl: string;
  hosts: number;
  creates: number;
  concurrency: number;
  latencyScale: number;
}

export interface E2eFigures {
  createsPerSecond: number;
  runningPerSecond: number;
  createP50Ms: number;
  createP99Ms: number;
  insertsPerSecond: number;
  insertsSequentialPerSecond: number;
}

const quiet = { info: () => undefined, warn: (m: string) => console.warn(m) };

async function withDatabase<T>(adminUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `lq_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  try {
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function pool<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next;
        next += 1;
        out[i] = await work(i);
      }
    }),
  );
  return out;
}

/** Single-row INSERTs, one statement per round trip, as a create's own writes are. */
async function benchInserts(url: string, n: number, concurrency: number): Promise<number> {
  const p = new pg.Pool({ connectionString: url, max: concurrency });
  await p.query('CREATE TABLE IF NOT EXISTS bench_rows (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, vcpus int NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
  const start = performance.now();
  await pool(n, concurrency, (i) => p.query('INSERT INTO bench_rows (name, vcpus) VALUES ($1, $2)', [`row-${concurrency}-${i}`, i % 8]));
  const seconds = (performance.now() - start) / 1000;
  await p.end();
  return n / seconds;
}

/**
 * VM creates per second end to end: createVirtualMachine over HTTP through the gateway
 * (authentication, query planning, the compute subgraph, scheduler, reservations, the VM and
 * task rows, events, the agent call over mTLS), against `hosts` simulated hypervisors. Then,
 * in the same database, single-row INSERTs per second for scale.
 */
export async function benchEndToEnd(o: E2eOptions): Promise<E2eFigures> {
  return withDatabase(o.adminUrl, async (url) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lq-bench-'));
    const config = loadGatewayConfig({
      DATABASE_URL: url, LQ_DATA_DIR: dataDir, LQ_PORT: '0', LQ_HOST: '127.0.0.1', LQ_ADMIN_PASSWORD: 'bench-admin-password',
      LQ_DEMO_HOSTS: String(o.hosts), LQ_SIM_BASE_PORT: '0', LQ_SIM_LATENCY_SCALE: String(o.latencyScale), LQ_DB_POOL_SIZE: '20',
      LQ_MAX_COST: '1000000', NODE_ENV: 'test',
    });
    const cp = await startControlPlane(config, 'all', quiet);
    const endpoint = `http://127.0.0.1:${cp.gateway.port}/graphql`;
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    try {
      const token = (await gql('mutation { login(input: { username: "admin", password: "bench-admin-password" }) { accessToken } }', {})).data?.login.accessToken as string;
      const projectId = (await gql('mutation { createProject(input: { name: "bench" }) { project { id } } }', {}, token)).data?.createProject.project.id as string;
      const mutation = 'mutation($i: CreateVirtualMachineInput!) { createVirtualMachine(input: $i) { virtualMachine { id } userErrors { code message } } }';
      // Warm-up: connections, query plans, JIT.
      await pool(20, 5, (i) => gql(mutation, { i: { name: `warm-${i}`, projectId, spec: { vcpus: 1, memoryMib: 512 }, start: false } }, token));

      const latencies: number[] = [];
      const start = performance.now();
      const results = await pool(o.creates, o.concurrency, async (i) => {
        const t0 = performance.now();
        const r = await gql(mutation, { i: { name: `bench-${i}`, projectId, spec: { vcpus: 1, memoryMib: 512 } } }, token);
        latencies.push(performance.now() - t0);
        return r;
      });
      const createSeconds = (performance.now() - start) / 1000;
      const failed = results.filter((r) => r.errors || r.data?.createVirtualMachine.userErrors.length);
      if (failed.length) throw new Error(`${failed.length} creates failed, e.g. ${JSON.stringify(failed[0])}`);
      for (;;) {
        const running = await cp.db.prisma.virtualMachine.count({ where: { name: { startsWith: 'bench-' }, state: 'RUNNING' } });
        if (running === o.creates) break;
        if (performance.now() - start > 300_000) throw new Error(`only ${running} of ${o.creates} VMs RUNNING after 300 s`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const runningSeconds = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      const inserts = await benchInserts(url, 5000, o.concurrency);
      const insertsSequential = await benchInserts(url, 2000, 1);
      return {
        createsPerSecond: o.creates / createSeconds,
        runningPerSecond: o.creates / runningSeconds,
        createP50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
        createP99Ms: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
        insertsPerSecond: inserts,
        insertsSequentialPerSecond: insertsSequential,
      };
    } finally {
      await cp.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
