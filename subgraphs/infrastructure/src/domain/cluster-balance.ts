// How evenly a cluster's load is spread: the figure DRS minimises and DrsStatus.imbalance shows.
//
//   load(host)  = clamp01(max(allocated.vcpus / allocatable.vcpus,
//                             allocated.memoryMib / allocatable.memoryMib))
//   imbalance   = population standard deviation of load over the cluster's READY hosts
//               = sqrt( Σ (load_i − mean)² / n ),  0 when n < 2
//
// Load is reservation-based (what the scheduler handed out), not live usage: it is what DRS
// can change by moving VMs and it does not jitter with every heartbeat. The larger of the two
// ratios counts because the scarcer resource is what stops the next placement. Only READY
// hosts count: draining, maintenance and failed hosts are not balancing targets.
// With every load in 0..1 the result lies in 0..0.5 (half the hosts empty, half full);
// 0 means perfectly balanced.

import type { HostPhase, Resources } from './host';

/** The parts of a host the balance reads. */
export interface BalanceInput {
  phase: HostPhase;
  allocatable: Resources;
  allocated: Resources;
}

/**
 * One resource's ratio. A host with nothing allocatable is empty when nothing is allocated
 * and full otherwise, so a zero-capacity row neither divides by zero nor hides a reservation.
 */
export function resourceRatio(allocated: number, allocatable: number): number {
  if (allocatable <= 0) return allocated > 0 ? 1 : 0;
  return allocated / allocatable;
}

/** max(cpu ratio, memory ratio), clamped to 0..1 (an over-reserved host counts as full). */
export function hostLoad(host: Pick<BalanceInput, 'allocatable' | 'allocated'>): number {
  const load = Math.max(
    resourceRatio(host.allocated.vcpus, host.allocatable.vcpus),
    resourceRatio(host.allocated.memoryMib, host.allocatable.memoryMib),
  );
  return Math.min(1, Math.max(0, load));
}

/** Population standard deviation of host load across the READY hosts; 0 for fewer than 2. */
export function clusterImbalance(hosts: readonly BalanceInput[]): number {
  const loads = hosts.filter((h) => h.phase === 'READY').map(hostLoad);
  if (loads.length < 2) return 0;
  const mean = loads.reduce((sum, l) => sum + l, 0) / loads.length;
  const variance = loads.reduce((sum, l) => sum + (l - mean) ** 2, 0) / loads.length;
  return Math.sqrt(variance);
}
