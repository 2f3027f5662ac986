import { allocatableOf, DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT, DEFAULT_OVERCOMMIT } from './overcommit';

describe('allocatableOf', () => {
  it.each([
    { capacity: { vcpus: 16, memoryMib: 65_536 }, ratios: { cpu: 2, memory: 1.5 }, allocatable: { vcpus: 32, memoryMib: 98_304 } },
    { capacity: { vcpus: 16, memoryMib: 65_536 }, ratios: { cpu: 1, memory: 1 }, allocatable: { vcpus: 16, memoryMib: 65_536 } },
    { capacity: { vcpus: 3, memoryMib: 1001 }, ratios: { cpu: 1.5, memory: 1.5 }, allocatable: { vcpus: 4, memoryMib: 1501 } },
    { capacity: { vcpus: 8, memoryMib: 4096 }, ratios: { cpu: 0.5, memory: 0.9 }, allocatable: { vcpus: 4, memoryMib: 3686 } },
    { capacity: { vcpus: 8, memoryMib: 8192 }, ratios: { cpu: 0.5, memory: 0.75 }, allocatable: { vcpus: 4, memoryMib: 6144 } },
    { capacity: { vcpus: 0, memoryMib: 0 }, ratios: { cpu: 2, memory: 1.5 }, allocatable: { vcpus: 0, memoryMib: 0 } },
    // Regression guard: 100 × 1.15 is 114.99999999999999 in floating point; it must give 115.
    { capacity: { vcpus: 100, memoryMib: 100 }, ratios: { cpu: 1.15, memory: 1.15 }, allocatable: { vcpus: 115, memoryMib: 115 } },
  ])('turns $capacity at $ratios into $allocatable', ({ capacity, ratios, allocatable }) => {
    expect(allocatableOf(capacity, ratios)).toEqual(allocatable);
  });

  it('defaults to 2.0 for CPU and 1.5 for memory', () => {
    expect([DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT]).toEqual([2, 1.5]);
    expect(DEFAULT_OVERCOMMIT).toEqual({ cpu: 2, memory: 1.5 });
    expect(allocatableOf({ vcpus: 10, memoryMib: 1000 })).toEqual({ vcpus: 20, memoryMib: 1500 });
    expect(allocatableOf({ vcpus: 8, memoryMib: 1000 })).toEqual({ vcpus: 16, memoryMib: 1500 });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a ratio of %s', (ratio) => {
    expect(() => allocatableOf({ vcpus: 1, memoryMib: 1 }, { cpu: ratio, memory: 1 })).toThrow(RangeError);
    expect(() => allocatableOf({ vcpus: 1, memoryMib: 1 }, { cpu: 1, memory: ratio })).toThrow(RangeError);
  });
});
