// Policy: a VM lands only where its vCPUs fit in what the host has left after overcommit.
// `allocatable` already includes the overcommit ratio, so this filter never
// needs to know the ratio: it compares reservations, not measured usage.

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { FilterPlugin, HostSnapshot } from '../types';

export const CPU_FITS = 'cpu-fits';

/** No options: the overcommit ratio lives in each host's `allocatable`. */
export const cpuFitsArgs = z.strictObject({});

export const REASON_CPU_PREFIX = 'cpu';

/** "cpu: needs 8 vCPU, 4 free". */
export function cpuReason(needed: number, free: number): string {
  return `${REASON_CPU_PREFIX}: needs ${needed} vCPU, ${free} free`;
}

/** "cpu: needs 8 vCPU, at most 4 free": the summary over every rejected host. */
export function cpuSummary(needed: number, mostFree: number): string {
  return `${REASON_CPU_PREFIX}: needs ${needed} vCPU, at most ${mostFree} free`;
}

/**
 * vCPUs still promisable on the host. Never negative: a host can be over-allocated
 * (ratio lowered after placement), and "-3 free" would read as a bug to users.
 */
export function freeVcpus(host: Pick<HostSnapshot, 'allocatable' | 'allocated'>): number {
  return Math.max(0, host.allocatable.vcpus - host.allocated.vcpus);
}

export function cpuFitsFilter(): FilterPlugin {
  return {
    name: CPU_FITS,
    filter: (_state, req, host) => {
      const free = freeVcpus(host);
      return free >= req.vcpus ? OK : unschedulable(cpuReason(req.vcpus, free));
    },
    summarize: (_state, req, rejected) => {
      let mostFree = 0;
      for (const h of rejected) mostFree = Math.max(mostFree, freeVcpus(h));
      return cpuSummary(req.vcpus, mostFree);
    },
  };
}
