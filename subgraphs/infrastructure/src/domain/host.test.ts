import { allocatableOf, DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT, usageFromHeartbeat } from './host';

describe('allocatableOf', () => {
  it.each([
    { capacity: { vcpus: 16, memoryMib: 65536 }, ratios: { cpu: 2, memory: 1.5 }, expected: { vcpus: 32, memoryMib: 98304 } },
    { capacity: { vcpus: 16, memoryMib: 65536 }, ratios: { cpu: 1, memory: 1 }, expected: { vcpus: 16, memoryMib: 65536 } },
    { capacity: { vcpus: 3, memoryMib: 1001 }, ratios: { cpu: 1.5, memory: 1.5 }, expected: { vcpus: 4, memoryMib: 1501 } },
    // 100 × 1.15 is 114.99999999999999 in floating point; floor must still give 115.
    { capacity: { vcpus: 100, memoryMib: 100 }, ratios: { cpu: 1.15, memory: 1.15 }, expected: { vcpus: 115, memoryMib: 115 } },
    { capacity: { vcpus: 8, memoryMib: 8192 }, ratios: { cpu: 0.5, memory: 0.75 }, expected: { vcpus: 4, memoryMib: 6144 } },
    { capacity: { vcpus: 0, memoryMib: 0 }, ratios: { cpu: 2, memory: 1.5 }, expected: { vcpus: 0, memoryMib: 0 } },
  ])('floors $capacity × $ratios to $expected', ({ capacity, ratios, expected }) => {
    expect(allocatableOf(capacity, ratios)).toEqual(expected);
  });

  it('applies the default ratios of 2.0 for CPU and 1.5 for memory', () => {
    expect([DEFAULT_CPU_OVERCOMMIT, DEFAULT_MEMORY_OVERCOMMIT]).toEqual([2.0, 1.5]);
    expect(allocatableOf({ vcpus: 8, memoryMib: 1000 })).toEqual({ vcpus: 16, memoryMib: 1500 });
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects a ratio of %p', (ratio) => {
    expect(() => allocatableOf({ vcpus: 1, memoryMib: 1 }, { cpu: ratio, memory: 1 })).toThrow(RangeError);
    expect(() => allocatableOf({ vcpus: 1, memoryMib: 1 }, { cpu: 1, memory: ratio })).toThrow(RangeError);
  });
});

describe('usageFromHeartbeat', () => {
  const at = new Date('2026-01-01T00:00:00Z');
  it.each([
    { last: null, cpu: null, mem: null, expected: null },
    { last: null, cpu: 10, mem: 20, expected: null },
    { last: at, cpu: null, mem: 20, expected: null },
    { last: at, cpu: 10, mem: null, expected: null },
    { last: at, cpu: 0, mem: 0, expected: { cpuPercent: 0, memoryPercent: 0 } },
    { last: at, cpu: 42.5, mem: 87, expected: { cpuPercent: 42.5, memoryPercent: 87 } },
  ])('gives $expected for heartbeat $last with cpu $cpu and memory $mem', ({ last, cpu, mem, expected }) => {
    expect(usageFromHeartbeat(last, cpu, mem)).toEqual(expected);
  });
});
