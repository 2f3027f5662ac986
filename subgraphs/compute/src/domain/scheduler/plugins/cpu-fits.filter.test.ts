import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import { cpuFitsFilter, cpuReason, freeVcpus } from './cpu-fits.filter';

describe('cpu-fits filter', () => {
  const plugin = cpuFitsFilter();

  it.each([
    { allocatable: 32, allocated: 0, free: 32 },
    { allocatable: 32, allocated: 28, free: 4 },
    { allocatable: 32, allocated: 32, free: 0 },
    // The ratio was lowered after VMs were placed: more allocated than allocatable.
    { allocatable: 16, allocated: 20, free: 0 },
  ])('counts $free free vCPU with $allocated of $allocatable allocated', ({ allocatable, allocated, free }) => {
    expect(freeVcpus(fakeHost({ allocatable: { vcpus: allocatable }, allocated: { vcpus: allocated } }))).toBe(free);
  });

  it.each([
    { needed: 4, allocated: 28, expected: { ok: true } },
    { needed: 1, allocated: 31, expected: { ok: true } },
    { needed: 8, allocated: 28, expected: { ok: false, reasons: ['cpu: needs 8 vCPU, 4 free'] } },
    { needed: 1, allocated: 32, expected: { ok: false, reasons: ['cpu: needs 1 vCPU, 0 free'] } },
  ])('for $needed vCPU on a 32-vCPU host with $allocated allocated answers $expected', ({ needed, allocated, expected }) => {
    const host = fakeHost({ allocatable: { vcpus: 32 }, allocated: { vcpus: allocated } });
    expect(plugin.filter(createCycleState(), fakeRequest({ vcpus: needed }), host)).toEqual(expected);
  });

  it('compares against allocatable, not physical capacity, so overcommit counts', () => {
    const host = fakeHost({ capacity: { vcpus: 8 }, allocatable: { vcpus: 16 }, allocated: { vcpus: 4 } });
    expect(plugin.filter(createCycleState(), fakeRequest({ vcpus: 12 }), host)).toEqual({ ok: true });
  });

  it('summarizes with the most free vCPU among rejected hosts', () => {
    const rejected = [1, 4, 2].map((free) => fakeHost({ allocatable: { vcpus: 32 }, allocated: { vcpus: 32 - free } }));
    expect(plugin.summarize?.(createCycleState(), fakeRequest({ vcpus: 8 }), rejected)).toBe('cpu: needs 8 vCPU, at most 4 free');
    expect(cpuReason(8, 4)).toBe('cpu: needs 8 vCPU, 4 free');
  });
});
