// Builders for tests of the scheduler and of its callers: a valid host and
// request with every field defaulted, so a test states only what it is about.

import type { HostSnapshot, PlacementRequest, Resources } from './types';

export type FakeHostOverrides = Omit<Partial<HostSnapshot>, 'capacity' | 'allocatable' | 'allocated'> & {
  capacity?: Partial<Resources>;
  allocatable?: Partial<Resources>;
  allocated?: Partial<Resources>;
};

/** A READY, schedulable, empty host with 16 vCPU / 64 GiB and 32 vCPU / 96 GiB allocatable. */
export function fakeHost(overrides: FakeHostOverrides = {}): HostSnapshot {
  const hostname = overrides.hostname ?? overrides.id ?? 'host-a';
  return {
    ...overrides,
    id: overrides.id ?? `id-${hostname}`,
    hostname,
    phase: overrides.phase ?? 'READY',
    schedulable: overrides.schedulable ?? true,
    labels: overrides.labels ?? {},
    capacity: { vcpus: 16, memoryMib: 65_536, ...overrides.capacity },
    allocatable: { vcpus: 32, memoryMib: 98_304, ...overrides.allocatable },
    allocated: { vcpus: 0, memoryMib: 0, ...overrides.allocated },
    clusterId: overrides.clusterId ?? null,
  };
}

/** A 2 vCPU / 2 GiB request with no constraints. */
export function fakeRequest(overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return { vcpus: 2, memoryMib: 2048, hostSelector: {}, projectId: 'project-1', ...overrides };
}
