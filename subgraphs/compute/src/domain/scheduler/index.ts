// The scheduler's public surface. Callers (the compute services) build one
// scheduler at start-up with `createScheduler(defaultProfile)` and hand it
// snapshots; everything else in this folder is an implementation detail.

export type {
  AffinitySpec,
  CycleState,
  FilterPlugin,
  HostPhase,
  HostSnapshot,
  HostVerdict,
  PlacementCandidate,
  PlacementRequest,
  PlacementResult,
  Resources,
  ScorePlugin,
  Status,
} from './types';
export { createScheduler, InvalidSchedulerProfileError, type Scheduler } from './scheduler';
export {
  defaultProfile,
  defaultRegistry,
  filterFactory,
  scorerFactory,
  schedulerProfileSchema,
  type FilterFactory,
  type PluginFactory,
  type PluginRegistry,
  type SchedulerProfile,
  type ScorerFactory,
} from './registry';
export { createCycleState, MAX_SCORE, MIN_SCORE, OK, unschedulable } from './framework';
export {
  allocatableOf,
  DEFAULT_CPU_OVERCOMMIT,
  DEFAULT_MEMORY_OVERCOMMIT,
  DEFAULT_OVERCOMMIT,
  type OvercommitRatios,
} from './overcommit';
export { freeVcpus } from './plugins/cpu-fits.filter';
export { freeMemoryMib } from './plugins/memory-fits.filter';
export { leastAllocatedScore } from './plugins/spread.scorer';
export { makeSyntheticFleet } from './synthetic-fleet';
// Test builders, for the services' tests as much as ours.
export { fakeHost, fakeRequest, type FakeHostOverrides } from './fake-host';
