// A deterministic, realistic-looking fleet for benchmarks and tests of the
// scheduler at scale: same (n, seed), same hosts, on any machine. It mixes host
// sizes, fill levels, phases, cordons and labels so that every filter rejects
// some hosts and the scorer sees a spread of values, as in a real fleet.

import { allocatableOf, DEFAULT_OVERCOMMIT } from './overcommit';
import type { HostPhase, HostSnapshot, Resources } from './types';

/** Physical sizes the fleet draws from (vCPU threads, MiB). */
export const SYNTHETIC_HOST_SHAPES: readonly Resources[] = Object.freeze([
  { vcpus: 32, memoryMib: 131_072 },
  { vcpus: 64, memoryMib: 262_144 },
  { vcpus: 96, memoryMib: 393_216 },
  { vcpus: 128, memoryMib: 524_288 },
]);

export const SYNTHETIC_ZONES: readonly string[] = Object.freeze(['zone-a', 'zone-b', 'zone-c']);

/** Hosts per synthetic cluster. */
export const SYNTHETIC_CLUSTER_SIZE = 64;

/** mulberry32: tiny, fast and good enough for test data; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Cumulative thresholds: about 92 % READY, the rest spread over the other phases.
const PHASES: readonly (readonly [number, HostPhase])[] = [
  [0.92, 'READY'],
  [0.95, 'NOT_READY'],
  [0.97, 'MAINTENANCE'],
  [0.99, 'DRAINING'],
  [1, 'UNKNOWN'],
];

/** `n` hosts, identical for identical (n, seed); hostnames sort in creation order. */
export function makeSyntheticFleet(n: number, seed: number): HostSnapshot[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`fleet size must be a non-negative integer, got ${n}`);
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)];
  const width = Math.max(5, String(n).length);
  const hosts = new Array<HostSnapshot>(n);

  for (let i = 0; i < n; i++) {
    const capacity = { ...pick(SYNTHETIC_HOST_SHAPES) };
    const allocatable = allocatableOf(capacity, DEFAULT_OVERCOMMIT);
    // Memory fill follows CPU fill loosely: real hosts fill both, rarely evenly.
    const cpuFill = rand();
    const memoryFill = Math.min(1, Math.max(0, cpuFill + (rand() - 0.5) * 0.4));
    const roll = rand();
    const phase = PHASES.find(([upTo]) => roll < upTo)?.[1] ?? 'UNKNOWN';
    const labels: Record<string, string> = { zone: pick(SYNTHETIC_ZONES), cpu: rand() < 0.7 ? 'intel' : 'amd' };
    if (rand() < 0.05) labels.gpu = 'true';
    hosts[i] = {
      id: uuidFrom(rand),
      hostname: `host-${String(i).padStart(width, '0')}`,
      phase,
      schedulable: rand() >= 0.03,
      labels,
      capacity,
      allocatable,
      allocated: {
        vcpus: Math.floor(allocatable.vcpus * cpuFill),
        // Whole GiB, as VM memory sizes usually are.
        memoryMib: Math.floor((allocatable.memoryMib * memoryFill) / 1024) * 1024,
      },
      clusterId: `cluster-${Math.floor(i / SYNTHETIC_CLUSTER_SIZE) + 1}`,
    };
  }
  return hosts;
}

// Ids shaped like the database's UUIDs, so string comparisons cost what they will in production.
function uuidFrom(rand: () => number): string {
  let hex = '';
  for (let k = 0; k < 4; k++) hex += Math.floor(rand() * 4_294_967_296).toString(16).padStart(8, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
