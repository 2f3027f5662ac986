// Policy: only hosts whose agent reports READY take new VMs.
// DRAINING and MAINTENANCE hosts are being emptied on purpose; NOT_READY and
// UNKNOWN ones may be unreachable, so a VM placed there might never start.

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { FilterPlugin, HostPhase } from '../types';

export const HOST_READY = 'host-ready';

/** No options: readiness is not negotiable per deployment. */
export const hostReadyArgs = z.strictObject({});

export const REASON_NOT_READY = 'host not ready';

/** "host not ready (MAINTENANCE)". */
export function notReadyReason(phase: HostPhase): string {
  return `${REASON_NOT_READY} (${phase})`;
}

export function acceptsNewVms(phase: HostPhase): boolean {
  return phase === 'READY';
}

/** "host not ready: NOT_READY, DRAINING": the summary names each phase once. */
export function notReadySummary(phases: readonly HostPhase[]): string {
  return `${REASON_NOT_READY}: ${phasesByFrequency(phases).join(', ')}`;
}

/** Distinct phases, most frequent first, then by name. */
export function phasesByFrequency(phases: readonly HostPhase[]): HostPhase[] {
  const counts = new Map<HostPhase, number>();
  for (const p of phases) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([phase]) => phase);
}

export function hostReadyFilter(): FilterPlugin {
  return {
    name: HOST_READY,
    filter: (_state, _req, host) => (acceptsNewVms(host.phase) ? OK : unschedulable(notReadyReason(host.phase))),
    summarize: (_state, _req, rejected) => notReadySummary(rejected.map((h) => h.phase)),
  };
}
