// How long simulated hypervisor work takes. Each duration varies +-30 % around
// its base (seeded), and all are multiplied by `latencyScale`, so tests can run
// the same scenarios in a fraction of the time.
import type { SeededRandom } from './seeded-random';

export type LatencyKind =
  | 'create'
  | 'start'
  | 'stop'
  | 'forceStop'
  | 'delete'
  | 'migrate'
  | 'snapshot'
  | 'revert'
  | 'volume'
  | 'nic';

/** Base durations in ms at latencyScale 1. */
export const BASE_LATENCY_MS: Record<LatencyKind, number> = {
  create: 300,
  start: 200,
  stop: 250,
  forceStop: 60,
  delete: 150,
  migrate: 600,
  snapshot: 200,
  revert: 250,
  volume: 120,
  nic: 60,
};

export class LatencyModel {
  constructor(
    private readonly random: SeededRandom,
    private readonly scale: number,
  ) {}

  duration(kind: LatencyKind): number {
    return Math.round(BASE_LATENCY_MS[kind] * this.scale * this.random.between(0.7, 1.3));
  }
}
