// `npm run bench`: prints the figures the README and issue notes quote.
//   BENCH_DATABASE_URL  PostgreSQL server to create the benchmark database on
//                       (default postgresql://postgres@127.0.0.1:5432/postgres)
//   BENCH_CREATES, BENCH_CONCURRENCY, BENCH_HOSTS, BENCH_LATENCY_SCALE  (defaults 1000, 32, 100, 0.1)
import 'reflect-metadata';
import { z } from 'zod';
import { intFromEnv, parseConfig } from '../subgraphs/platform/src';
import { benchPlacement } from './placement.bench';
import { benchEndToEnd } from './e2e.bench';

const env = parseConfig(
  z.object({
    BENCH_DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/postgres'),
    BENCH_CREATES: intFromEnv(10, 100_000).default(1000),
    BENCH_CONCURRENCY: intFromEnv(1, 1000).default(32),
    BENCH_HOSTS: intFromEnv(1, 5000).default(100),
    BENCH_LATENCY_SCALE: z.coerce.number().min(0).max(10).default(0.1),
  }),
  process.env,
);

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  console.log('== placement (in-process scheduler, default profile)');
  for (const f of benchPlacement([1000, 10_000])) {
    console.log(`placement: ${f.hosts} hosts: ${f.perSecond.toFixed(0)} decisions/s (${(1000 / f.perSecond).toFixed(2)} ms each)`);
  }
  console.log(`== end to end (${env.BENCH_CREATES} creates, ${env.BENCH_CONCURRENCY} in flight, ${env.BENCH_HOSTS} simulated hosts, latency scale ${env.BENCH_LATENCY_SCALE})`);
  const e = await benchEndToEnd({ adminUrl: env.BENCH_DATABASE_URL, hosts: env.BENCH_HOSTS, creates: env.BENCH_CREATES, concurrency: env.BENCH_CONCURRENCY, latencyScale: env.BENCH_LATENCY_SCALE });
  console.log(`creates through the gateway: ${e.createsPerSecond.toFixed(0)}/s (p50 ${e.createP50Ms.toFixed(1)} ms, p99 ${e.createP99Ms.toFixed(1)} ms)`);
  console.log(`VMs created and RUNNING:     ${e.runningPerSecond.toFixed(0)}/s`);
  console.log(`single-row INSERTs, same PostgreSQL, ${env.BENCH_CONCURRENCY} in flight: ${e.insertsPerSecond.toFixed(0)}/s (1 in flight: ${e.insertsSequentialPerSecond.toFixed(0)}/s)`);
  console.log(`ratio creates/INSERTs: ${(e.createsPerSecond / e.insertsPerSecond).toFixed(3)} (one create = ${(e.insertsPerSecond / e.createsPerSecond).toFixed(1)} INSERTs of time)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
