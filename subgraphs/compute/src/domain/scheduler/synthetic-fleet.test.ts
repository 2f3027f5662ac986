import { createScheduler } from './scheduler';
import { defaultProfile } from './registry';
import { fakeRequest } from './fake-host';
import { makeSyntheticFleet, seededRandom, SYNTHETIC_HOST_SHAPES } from './synthetic-fleet';

describe('makeSyntheticFleet', () => {
  it('gives the same hosts for the same size and seed', () => {
    expect(makeSyntheticFleet(200, 7)).toEqual(makeSyntheticFleet(200, 7));
    expect(makeSyntheticFleet(200, 8)).not.toEqual(makeSyntheticFleet(200, 7));
  });

  it.each([0, 1, 1000])('builds %i hosts with unique ids and hostnames', (n) => {
    const fleet = makeSyntheticFleet(n, 1);
    expect(fleet).toHaveLength(n);
    expect(new Set(fleet.map((h) => h.id)).size).toBe(n);
    expect(new Set(fleet.map((h) => h.hostname)).size).toBe(n);
  });

  it('keeps every host internally consistent', () => {
    for (const h of makeSyntheticFleet(1000, 3)) {
      expect(SYNTHETIC_HOST_SHAPES).toContainEqual(h.capacity);
      expect(h.allocatable.vcpus).toBeGreaterThanOrEqual(h.capacity.vcpus);
      expect(h.allocated.vcpus).toBeLessThanOrEqual(h.allocatable.vcpus);
      expect(h.allocated.memoryMib).toBeLessThanOrEqual(h.allocatable.memoryMib);
      expect(h.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('gives every default filter some hosts to reject', () => {
    const req = fakeRequest({ vcpus: 16, hostSelector: { zone: 'zone-a' } });
    const result = createScheduler(defaultProfile).schedule(req, makeSyntheticFleet(1000, 42));
    const rejectedBy = new Set(result.candidates.map((c) => c.filteredBy).filter((f) => f !== undefined));
    expect([...rejectedBy].sort()).toEqual(['cpu-fits', 'host-ready', 'host-selector', 'memory-fits', 'schedulable']);
    expect(result.chosen).not.toBeNull();
  });

  it.each([-1, 1.5, Number.NaN])('refuses a size of %s', (n) => {
    expect(() => makeSyntheticFleet(n, 1)).toThrow(RangeError);
  });

  it('draws reproducible numbers in [0, 1)', () => {
    const a = seededRandom(99);
    const b = seededRandom(99);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
    }
  });
});
