import { NoCapacityError } from '../../../platform/src';
import type { VmCreationUnit } from '../data/vm-creation.storage';
import type { PlacementRequest, Scheduler } from '../domain/scheduler';

/** Rounds of "read the hosts, schedule, reserve" before a create gives up on a busy fleet. */
const ROUNDS = 3;

/**
 * Nova's host_subset_size: concurrent creates all see the same best host and would queue on
 * its row lock one after another. Trying the best few in random order spreads them, at a
 * negligible cost in placement quality (they are the best few).
 */
export const HOST_SUBSET_SIZE = 3;

/** The fitting candidates in the order to try: the best few shuffled, then the rest by score. */
export function tryOrder<T>(fitting: readonly T[], random: () => number = Math.random): T[] {
  const head = fitting.slice(0, HOST_SUBSET_SIZE);
  for (let i = head.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [head[i], head[j]] = [head[j] as T, head[i] as T];
  }
  return [...head, ...fitting.slice(HOST_SUBSET_SIZE)];
}

/**
 * Places the VM and reserves its resources, inside the create transaction: schedules over
 * fresh host snapshots, then tries each fitting host in the scheduler's order with the
 * conditional reservation. The first to succeed wins. When every fitting host filled up
 * between the reading and the reservation (concurrent creates), reads again. Nothing fits:
 * NO_CAPACITY with the scheduler's summary of why, host by host.
 *
 * Regression: trying hosts in a per-create random order with waiting UPDATEs deadlocked
 * under a burst of creates (PostgreSQL keeps the lock of a row whose re-check failed).
 */
export async function reservePlacement(unit: VmCreationUnit, scheduler: Scheduler, req: PlacementRequest): Promise<string> {
  let summary = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const result = scheduler.schedule(req, await unit.hostSnapshots());
    const fitting = result.candidates.filter((c) => c.fits);
    if (fitting.length === 0) throw new NoCapacityError(result.summary);
    // First without waiting: a host another create holds right now is skipped for the next.
    for (const candidate of tryOrder(fitting)) {
      if (await unit.tryReserveHost(candidate.hostId, req.vcpus, req.memoryMib)) return candidate.hostId;
    }
    // Every fitting host was busy (or just filled up): wait for them, in one global order
    // (by id). A wait whose re-check fails leaves the row locked until commit, so any other
    // order could let two creates each hold one host and wait for the other's.
    for (const candidate of [...fitting].sort((a, b) => (a.hostId < b.hostId ? -1 : a.hostId > b.hostId ? 1 : 0))) {
      if (await unit.reserveHost(candidate.hostId, req.vcpus, req.memoryMib)) return candidate.hostId;
    }
    summary = result.summary;
  }
  throw new NoCapacityError(`${summary}, but each filled up with concurrent placements before this one; retry`);
}
