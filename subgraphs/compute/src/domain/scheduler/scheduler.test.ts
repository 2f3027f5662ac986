import { z } from 'zod';
import { OK, unschedulable } from './framework';
import { fakeHost, fakeRequest } from './fake-host';
import {
  defaultProfile,
  defaultRegistry,
  filterFactory,
  scorerFactory,
  type PluginRegistry,
  type SchedulerProfile,
} from './registry';
import { createScheduler, InvalidSchedulerProfileError } from './scheduler';

function problemsOf(profile: SchedulerProfile, registry?: PluginRegistry): readonly string[] {
  try {
    createScheduler(profile, registry);
  } catch (error) {
    if (error instanceof InvalidSchedulerProfileError) return error.problems;
    throw error;
  }
  throw new Error('expected the profile to be refused');
}

describe('createScheduler', () => {
  it('builds the default profile in its documented order', () => {
    const scheduler = createScheduler(defaultProfile);
    expect(scheduler.filterNames).toEqual(['pinned-host', 'host-ready', 'schedulable', 'host-selector', 'cpu-fits', 'memory-fits']);
    expect(scheduler.scorers).toEqual([{ name: 'spread', weight: 1 }]);
  });

  it.each<[string, SchedulerProfile, string[]]>([
    [
      'an unknown filter',
      { filters: [{ name: 'cpu-fit' }], scorers: [] },
      ['filters[0]: unknown filter plugin "cpu-fit" (known: cpu-fits, host-ready, host-selector, memory-fits, pinned-host, schedulable)'],
    ],
    ['an unknown scorer', { filters: [], scorers: [{ name: 'pack', weight: 1 }] }, ['scorers[0]: unknown scorer plugin "pack" (known: spread)']],
    ['a scorer listed as a filter', { filters: [{ name: 'spread' }], scorers: [] }, ['filters[0]: "spread" is a scorer, not a filter']],
    ['a filter listed twice', { filters: [{ name: 'cpu-fits' }, { name: 'cpu-fits' }], scorers: [] }, ['filters[1]: "cpu-fits" is listed twice']],
    [
      'arguments a filter does not take',
      { filters: [{ name: 'cpu-fits', args: { headroom: 2 } }], scorers: [] },
      ['filters[0] (cpu-fits) args: Unrecognized key: "headroom"'],
    ],
    [
      'bad scorer arguments',
      { filters: [], scorers: [{ name: 'spread', weight: 1, args: { resourceWeights: { cpu: -1 } } }] },
      ['scorers[0] (spread) args: resourceWeights.cpu: Too small: expected number to be >=0'],
    ],
    [
      'every problem at once',
      { filters: [{ name: 'nope' }, { name: 'spread' }], scorers: [{ name: 'spread', weight: 1 }] },
      [
        'filters[0]: unknown filter plugin "nope" (known: cpu-fits, host-ready, host-selector, memory-fits, pinned-host, schedulable)',
        'filters[1]: "spread" is a scorer, not a filter',
        'scorers[0]: "spread" is listed twice',
      ],
    ],
  ])('refuses %s', (_name, profile, problems) => {
    expect(problemsOf(profile)).toEqual(problems);
  });

  it.each<[string, unknown]>([
    ['a weight that is not a number', { filters: [], scorers: [{ name: 'spread', weight: '1' }] }],
    ['an infinite weight', { filters: [], scorers: [{ name: 'spread', weight: Number.POSITIVE_INFINITY }] }],
    ['a missing scorer list', { filters: [] }],
    ['an unknown profile key', { filters: [], scorers: [], weighers: [] }],
  ])('refuses a profile with %s', (_name, profile) => {
    expect(() => createScheduler(profile as SchedulerProfile)).toThrow(InvalidSchedulerProfileError);
  });

  it('says what is wrong in the error message', () => {
    expect(() => createScheduler({ filters: [{ name: 'cpu-fit' }], scorers: [] })).toThrow(
      /invalid scheduler profile:\n {2}filters\[0\]: unknown filter plugin "cpu-fit"/,
    );
  });

  it('builds plugins from a custom registry with typed, validated arguments', () => {
    const registry: PluginRegistry = {
      ...defaultRegistry,
      'min-vcpus': filterFactory(z.strictObject({ min: z.number().int().positive() }), ({ min }) => ({
        name: 'min-vcpus',
        filter: (_s, _r, host) => (host.allocatable.vcpus >= min ? OK : unschedulable(`too small: under ${min} vCPU`)),
      })),
    };
    expect(problemsOf({ filters: [{ name: 'min-vcpus', args: { min: 0 } }], scorers: [] }, registry)).toEqual([
      'filters[0] (min-vcpus) args: min: Too small: expected number to be >0',
    ]);
    const scheduler = createScheduler({ filters: [{ name: 'min-vcpus', args: { min: 64 } }], scorers: [] }, registry);
    expect(scheduler.schedule(fakeRequest(), [fakeHost()]).summary).toBe('0 of 1 hosts fit: 1 × too small: under 64 vCPU (host-a)');
  });

  it('refuses a registry entry whose plugin carries another name', () => {
    const registry: PluginRegistry = { alias: scorerFactory(z.strictObject({}), () => ({ name: 'spread', score: () => 0 })) };
    expect(problemsOf({ filters: [], scorers: [{ name: 'alias', weight: 1 }] }, registry)).toEqual([
      'scorers[0]: registry entry "alias" built a plugin named "spread"',
    ]);
  });
});

describe('a scheduler with the default profile', () => {
  const scheduler = createScheduler(defaultProfile);
  const fleet = [
    fakeHost({ hostname: 'busy', allocated: { vcpus: 24, memoryMib: 65_536 }, labels: { zone: 'a' } }),
    fakeHost({ hostname: 'idle', labels: { zone: 'a' } }),
    fakeHost({ hostname: 'other-zone', labels: { zone: 'b' } }),
    fakeHost({ hostname: 'cordoned', schedulable: false, labels: { zone: 'a' } }),
    fakeHost({ hostname: 'down', phase: 'NOT_READY', labels: { zone: 'a' } }),
  ];

  it('spreads onto the idlest fitting host and lists the others in retry order', () => {
    const result = scheduler.schedule(fakeRequest({ vcpus: 4, memoryMib: 4096, hostSelector: { zone: 'a' } }), fleet);
    expect(result.chosen?.hostname).toBe('idle');
    expect(result.candidates.map((c) => [c.hostname, c.filteredBy])).toEqual([
      ['idle', undefined],
      ['busy', undefined],
      ['other-zone', 'host-selector'],
      ['cordoned', 'schedulable'],
      ['down', 'host-ready'],
    ]);
    expect(result.summary).toBe(
      '2 of 5 hosts fit; rejected: 1 × host not ready: NOT_READY (down); 1 × host cordoned (cordoned); 1 × labels: missing zone=a (other-zone)',
    );
  });

  it('places a pinned VM only on its host, and says why when that host is full', () => {
    const pinnedToBusy = fakeRequest({ vcpus: 16, pinnedHostId: 'id-busy' });
    const result = scheduler.schedule(pinnedToBusy, fleet);
    expect(result.chosen).toBeNull();
    expect(result.summary).toBe(
      '0 of 5 hosts fit: 4 × not the pinned host (e.g. cordoned, down, idle); 1 × cpu: needs 16 vCPU, at most 8 free (busy)',
    );
  });

  it('re-checks one host before a reservation', () => {
    const req = fakeRequest({ vcpus: 4 });
    expect(scheduler.evaluateHost(req, fakeHost())).toEqual({ ok: true });
    expect(scheduler.evaluateHost(req, fakeHost({ allocated: { vcpus: 30 } }))).toEqual({
      ok: false,
      filteredBy: 'cpu-fits',
      reasons: ['cpu: needs 4 vCPU, 2 free'],
    });
    expect(scheduler.evaluateHost(fakeRequest({ pinnedHostId: 'elsewhere' }), fakeHost())).toEqual({
      ok: false,
      filteredBy: 'pinned-host',
      reasons: ['not the pinned host'],
    });
  });
});
