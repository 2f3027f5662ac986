// Policy: a VM lands only where its memory fits in what the host has left after overcommit.
// Like cpu-fits, it compares reservations against `allocatable` (capacity × the
// memory ratio), so ballooning or idle guests never make a full host look free.

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { FilterPlugin, HostSnapshot } from '../types';

export const MEMORY_FITS = 'memory-fits';

/** No options: the overcommit ratio lives in each host's `allocatable`. */
export const memoryFitsArgs = z.strictObject({});

export const REASON_MEMORY_PREFIX = 'memory';

/** "memory: needs 8192 MiB, 2048 free". */
export function memoryReason(neededMib: number, freeMib: number): string {
  return `${REASON_MEMORY_PREFIX}: needs ${neededMib} MiB, ${freeMib} free`;
}

/** "memory: needs 8192 MiB, at most 2048 free": the summary over every rejected host. */
export function memorySummary(neededMib: number, mostFreeMib: number): string {
  return `${REASON_MEMORY_PREFIX}: needs ${neededMib} MiB, at most ${mostFreeMib} free`;
}

/** MiB still promisable on the host; never negative (see freeVcpus). */
export function freeMemoryMib(host: Pick<HostSnapshot, 'allocatable' | 'allocated'>): number {
  return Math.max(0, host.allocatable.memoryMib - host.allocated.memoryMib);
}

export function memoryFitsFilter(): FilterPlugin {
  return {
    name: MEMORY_FITS,
    filter: (_state, req, host) => {
      const free = freeMemoryMib(host);
      return free >= req.memoryMib ? OK : unschedulable(memoryReason(req.memoryMib, free));
    },
    summarize: (_state, req, rejected) => {
      let mostFree = 0;
      for (const h of rejected) mostFree = Math.max(mostFree, freeMemoryMib(h));
      return memorySummary(req.memoryMib, mostFree);
    },
  };
}
