import { usageFromHeartbeat } from './host';

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
