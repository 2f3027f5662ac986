import { NoCapacityError } from '../../../platform/src';
import type { VmCreationUnit } from '../data/vm-creation.storage';
import type { PlacementRequest, Scheduler } from '../domain/scheduler';

/** Rounds of "read the hosts, schedule, reserve" before a create gives up on a busy fleet. */
const ROUNDS = 3;

/**
 * Places the VM and reserves its resources, inside the create transaction: schedules over
 * fresh host snapshots, then tries each fitting host in the scheduler's order with the
 * conditional reservation. The first to succeed wins. When every fitting host filled up
 * between the reading and the reservation (concurrent creates), reads again. Nothing fits:
 * NO_CAPACITY with the scheduler's summary of why, host by host.
 */
export async function reservePlacement(unit: VmCreationUnit, scheduler: Scheduler, req: PlacementRequest): Promise<string> {
  let summary = '';
  for (let round = 0; round < ROUNDS; round += 1) {
    const result = scheduler.schedule(req, await unit.hostSnapshots());
    const fitting = result.candidates.filter((c) => c.fits);
    if (fitting.length === 0) throw new NoCapacityError(result.summary);
    for (const candidate of fitting) {
      if (await unit.reserveHost(candidate.hostId, req.vcpus, req.memoryMib)) return candidate.hostId;
    }
    summary = result.summary;
  }
  throw new NoCapacityError(`${summary}, but each filled up with concurrent placements before this one; retry`);
}
