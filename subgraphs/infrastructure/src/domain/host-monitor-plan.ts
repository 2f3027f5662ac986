// The host monitor's decisions, as pure functions of desired and observed state: which event
// watches to open and close, and which hosts' allocatable figures the current overcommit
// ratios change. The controller (controllers/host-monitor.ts) only applies them.

import { allocatableOf, type OvercommitRatios, type Resources } from './host';

/** A host the monitor should follow: its id and where its agent listens. */
export interface WatchTarget {
  id: string;
  agentAddress: string;
}

export interface WatchPlan {
  /** Hosts to start watching. */
  open: WatchTarget[];
  /** Host ids whose watch to close: the host is gone, or its agent moved. */
  close: string[];
}

/**
 * Watches to open and close so that exactly the hosts in `hosts` are watched, each at its
 * current address. A host whose address changed is closed and opened again.
 */
export function planWatches(watched: ReadonlyMap<string, string>, hosts: readonly WatchTarget[]): WatchPlan {
  const wanted = new Map(hosts.map((h) => [h.id, h.agentAddress]));
  const close = [...watched].filter(([id, address]) => wanted.get(id) !== address).map(([id]) => id);
  const open = hosts.filter((h) => watched.get(h.id) !== h.agentAddress);
  return { open, close };
}

export interface AllocatableRow {
  id: string;
  capacity: Resources;
  allocatable: Resources;
}

export interface AllocatableChange {
  id: string;
  /** What the row holds now (the conditional update's guard). */
  from: Resources;
  to: Resources;
}

/**
 * Hosts whose stored allocatable differs from capacity × the current ratios (the
 * configuration changed since they were registered), with the figures to write. Hosts that
 * already agree are left out, so a restart with unchanged ratios writes nothing.
 */
export function planAllocatableRefresh(hosts: readonly AllocatableRow[], ratios: OvercommitRatios): AllocatableChange[] {
  const changes: AllocatableChange[] = [];
  for (const host of hosts) {
    const to = allocatableOf(host.capacity, ratios);
    if (to.vcpus !== host.allocatable.vcpus || to.memoryMib !== host.allocatable.memoryMib) {
      changes.push({ id: host.id, from: host.allocatable, to });
    }
  }
  return changes;
}
