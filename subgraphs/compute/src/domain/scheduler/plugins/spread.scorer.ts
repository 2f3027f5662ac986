// Policy: prefer the host with the largest share of room left after placing the VM,
// so load spreads across the fleet (Kubernetes' LeastAllocated). Given a negative
// weight in the profile, the same score packs VMs onto the fullest hosts instead,
// as Nova's negative weight multipliers do.

import { z } from 'zod';
import { MAX_SCORE } from '../framework';
import type { HostSnapshot, PlacementRequest, ScorePlugin } from '../types';

export const SPREAD = 'spread';

export const spreadArgs = z.strictObject({
  /**
   * How much each resource counts in the mean; default cpu 1, memory 1 (a plain mean).
   * Raise memory where memory, not CPU, is what runs out first.
   */
  // abort: a negative weight is reported once, without the sum check piling on.
  resourceWeights: z
    .strictObject({
      cpu: z.number().min(0, { abort: true }).default(1),
      memory: z.number().min(0, { abort: true }).default(1),
    })
    .refine((w) => w.cpu + w.memory > 0, 'at least one resource weight must be above 0')
    .default({ cpu: 1, memory: 1 }),
});

export type SpreadArgs = z.output<typeof spreadArgs>;

export type ResourceWeights = SpreadArgs['resourceWeights'];

/** Share of `allocatable` left free once `used` is reserved, as 0..100. An empty pool scores 0. */
export function freeShareScore(allocatable: number, used: number): number {
  if (allocatable <= 0) return 0;
  const share = (allocatable - used) / allocatable;
  return Math.min(1, Math.max(0, share)) * MAX_SCORE;
}

/** Weighted mean over cpu and memory of the free share after placing `req`, 0..100. */
export function leastAllocatedScore(
  host: Pick<HostSnapshot, 'allocatable' | 'allocated'>,
  req: Pick<PlacementRequest, 'vcpus' | 'memoryMib'>,
  weights: ResourceWeights = { cpu: 1, memory: 1 },
): number {
  const cpu = freeShareScore(host.allocatable.vcpus, host.allocated.vcpus + req.vcpus);
  const memory = freeShareScore(host.allocatable.memoryMib, host.allocated.memoryMib + req.memoryMib);
  return (cpu * weights.cpu + memory * weights.memory) / (weights.cpu + weights.memory);
}

export function spreadScorer(args: SpreadArgs = spreadArgs.parse({})): ScorePlugin {
  const weights = args.resourceWeights;
  return {
    name: SPREAD,
    score: (_state, req, host) => leastAllocatedScore(host, req, weights),
  };
}
