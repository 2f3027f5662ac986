import { createScheduler, defaultProfile, makeSyntheticFleet } from '../subgraphs/compute/src/domain/scheduler';

export interface PlacementFigure {
  hosts: number;
  decisions: number;
  seconds: number;
  perSecond: number;
}

/**
 * Placement decisions per second of the in-process scheduler: every filter and scorer of the
 * default profile over the whole fleet, as a create does (no database, no agents).
 */
export function benchPlacement(hostCounts: number[], minSeconds = 2): PlacementFigure[] {
  const scheduler = createScheduler(defaultProfile);
  return hostCounts.map((hosts) => {
    const fleet = makeSyntheticFleet(hosts, 42);
    const requests = [1, 2, 4, 8].map((vcpus) => ({ vcpus, memoryMib: vcpus * 2048, hostSelector: {}, projectId: 'bench' }));
    for (let i = 0; i < 20; i += 1) scheduler.schedule(requests[i % requests.length]!, fleet); // warm-up
    let decisions = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < minSeconds) {
      for (let i = 0; i < 10; i += 1) {
        const result = scheduler.schedule(requests[decisions % requests.length]!, fleet);
        if (!result.chosen) throw new Error('synthetic fleet should fit the request');
        decisions += 1;
      }
      elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    }
    return { hosts, decisions, seconds: elapsed, perSecond: decisions / elapsed };
  });
}
