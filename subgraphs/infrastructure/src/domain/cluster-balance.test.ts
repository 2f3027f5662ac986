import { clusterImbalance, hostLoad, resourceRatio, type BalanceInput } from './cluster-balance';

/** A READY host with 10 vCPUs and 1000 MiB allocatable, loaded as given. */
function fakeHost(over: { phase?: BalanceInput['phase']; cpu?: number; mem?: number; allocatable?: BalanceInput['allocatable'] } = {}): BalanceInput {
  return {
    phase: over.phase ?? 'READY',
    allocatable: over.allocatable ?? { vcpus: 10, memoryMib: 1000 },
    allocated: { vcpus: over.cpu ?? 0, memoryMib: over.mem ?? 0 },
  };
}

describe('resourceRatio', () => {
  it.each([
    [0, 10, 0],
    [5, 10, 0.5],
    [15, 10, 1.5],
    [0, 0, 0],
    [3, 0, 1],
  ])('gives %p allocated of %p allocatable a ratio of %p', (allocated, allocatable, expected) => {
    expect(resourceRatio(allocated, allocatable)).toBe(expected);
  });
});

describe('hostLoad', () => {
  it.each([
    { case: 'an empty host', host: fakeHost(), expected: 0 },
    { case: 'a host loaded more in CPU', host: fakeHost({ cpu: 8, mem: 200 }), expected: 0.8 },
    { case: 'a host loaded more in memory', host: fakeHost({ cpu: 2, mem: 900 }), expected: 0.9 },
    { case: 'a full host', host: fakeHost({ cpu: 10, mem: 1000 }), expected: 1 },
    { case: 'an over-reserved host (clamped)', host: fakeHost({ cpu: 25, mem: 100 }), expected: 1 },
    { case: 'a host with negative counters (clamped)', host: fakeHost({ cpu: -2, mem: -10 }), expected: 0 },
    { case: 'a zero-capacity host with nothing on it', host: fakeHost({ allocatable: { vcpus: 0, memoryMib: 0 } }), expected: 0 },
  ])('is $expected for $case', ({ host, expected }) => {
    expect(hostLoad(host)).toBeCloseTo(expected, 10);
  });
});

describe('clusterImbalance', () => {
  it.each([
    { case: 'no hosts', hosts: [], expected: 0 },
    { case: 'one host', hosts: [fakeHost({ cpu: 10 })], expected: 0 },
    { case: 'two equally loaded hosts', hosts: [fakeHost({ cpu: 5 }), fakeHost({ mem: 500 })], expected: 0 },
    { case: 'an empty and a full host', hosts: [fakeHost(), fakeHost({ cpu: 10 })], expected: 0.5 },
    // loads 0.2, 0.4, 0.6: mean 0.4, variance (0.04 + 0 + 0.04) / 3
    { case: 'loads 0.2, 0.4 and 0.6', hosts: [fakeHost({ cpu: 2 }), fakeHost({ mem: 400 }), fakeHost({ cpu: 6, mem: 100 })], expected: Math.sqrt(0.08 / 3) },
    // loads 0.2 and 0.8 (memory wins over cpu 0.1): mean 0.5, deviation 0.3
    { case: 'loads where memory is the scarcer resource', hosts: [fakeHost({ cpu: 2 }), fakeHost({ cpu: 1, mem: 800 })], expected: 0.3 },
    { case: 'one READY host among failed ones', hosts: [fakeHost({ cpu: 10 }), fakeHost({ phase: 'NOT_READY' }), fakeHost({ phase: 'MAINTENANCE' })], expected: 0 },
    { case: 'a draining host left out', hosts: [fakeHost({ cpu: 4 }), fakeHost({ cpu: 4 }), fakeHost({ phase: 'DRAINING', cpu: 10 })], expected: 0 },
    { case: 'an over-reserved host counted as full', hosts: [fakeHost(), fakeHost({ cpu: 40 })], expected: 0.5 },
  ])('is $expected for $case', ({ hosts, expected }) => {
    expect(clusterImbalance(hosts)).toBeCloseTo(expected, 10);
  });
});
