import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import { freeMemoryMib, memoryFitsFilter, memoryReason } from './memory-fits.filter';

describe('memory-fits filter', () => {
  const plugin = memoryFitsFilter();

  it.each([
    { allocatable: 98_304, allocated: 0, free: 98_304 },
    { allocatable: 98_304, allocated: 96_256, free: 2048 },
    { allocatable: 65_536, allocated: 70_000, free: 0 },
  ])('counts $free MiB free with $allocated of $allocatable allocated', ({ allocatable, allocated, free }) => {
    expect(freeMemoryMib(fakeHost({ allocatable: { memoryMib: allocatable }, allocated: { memoryMib: allocated } }))).toBe(free);
  });

  it.each([
    { needed: 2048, free: 2048, expected: { ok: true } },
    { needed: 1024, free: 2048, expected: { ok: true } },
    { needed: 8192, free: 2048, expected: { ok: false, reasons: ['memory: needs 8192 MiB, 2048 free'] } },
    { needed: 2049, free: 2048, expected: { ok: false, reasons: ['memory: needs 2049 MiB, 2048 free'] } },
  ])('for $needed MiB with $free MiB free answers $expected', ({ needed, free, expected }) => {
    const host = fakeHost({ allocatable: { memoryMib: 98_304 }, allocated: { memoryMib: 98_304 - free } });
    expect(plugin.filter(createCycleState(), fakeRequest({ memoryMib: needed }), host)).toEqual(expected);
  });

  it('lets overcommitted memory take a VM larger than what is physically left', () => {
    // 64 GiB physical × 1.5 = 96 GiB allocatable; 60 GiB reserved leaves 36 GiB to promise.
    const host = fakeHost({ capacity: { memoryMib: 65_536 }, allocatable: { memoryMib: 98_304 }, allocated: { memoryMib: 61_440 } });
    expect(plugin.filter(createCycleState(), fakeRequest({ memoryMib: 32_768 }), host)).toEqual({ ok: true });
  });

  it('summarizes with the most free memory among rejected hosts', () => {
    const rejected = [512, 2048, 1024].map((free) => fakeHost({ allocatable: { memoryMib: 4096 }, allocated: { memoryMib: 4096 - free } }));
    expect(plugin.summarize?.(createCycleState(), fakeRequest({ memoryMib: 8192 }), rejected)).toBe('memory: needs 8192 MiB, at most 2048 free');
    expect(memoryReason(8192, 2048)).toBe('memory: needs 8192 MiB, 2048 free');
  });
});
