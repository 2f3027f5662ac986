import { evaluateHostWith, OK, runSchedulingCycle, unschedulable, type WeightedScorer } from './framework';
import { fakeHost, fakeRequest } from './fake-host';
import { cpuFitsFilter } from './plugins/cpu-fits.filter';
import { spreadScorer } from './plugins/spread.scorer';
import type { FilterPlugin, HostSnapshot, ScorePlugin } from './types';

/** Rejects hosts whose hostname is listed, and counts its calls. */
function rejecting(name: string, hostnames: string[], reason = `${name} says no`) {
  const calls: string[] = [];
  const plugin: FilterPlugin = {
    name,
    filter: (_s, _r, host) => {
      calls.push(host.hostname);
      return hostnames.includes(host.hostname) ? unschedulable(reason) : OK;
    },
  };
  return { plugin, calls };
}

/** Scores each host by a fixed table. */
function fixedScores(name: string, byHostname: Record<string, number>): ScorePlugin {
  return { name, score: (_s, _r, host) => byHostname[host.hostname] ?? 0 };
}

const hosts = (...names: string[]): HostSnapshot[] => names.map((hostname) => fakeHost({ hostname }));

describe('runSchedulingCycle', () => {
  it('records, per host, the first filter that rejected it and skips the later ones', () => {
    const first = rejecting('first', ['a']);
    const second = rejecting('second', ['a', 'b']);
    const result = runSchedulingCycle({ filters: [first.plugin, second.plugin], scorers: [] }, fakeRequest(), hosts('a', 'b', 'c'));

    expect(second.calls).toEqual(['b', 'c']);
    expect(result.candidates).toEqual([
      { hostId: 'id-c', hostname: 'c', fits: true, score: 0, reasons: [] },
      { hostId: 'id-b', hostname: 'b', fits: false, score: null, reasons: ['second says no'], filteredBy: 'second' },
      { hostId: 'id-a', hostname: 'a', fits: false, score: null, reasons: ['first says no'], filteredBy: 'first' },
    ]);
    expect(result.chosen?.hostname).toBe('c');
  });

  it('runs each pre-step once per cycle and shares its cycle state with the filter', () => {
    let preFilterRuns = 0;
    const plugin: FilterPlugin = {
      name: 'needs-pre',
      preFilter: (state, req) => {
        preFilterRuns++;
        state.set('needs-pre', req.vcpus);
      },
      filter: (state) => (state.get<number>('needs-pre') === 2 ? OK : unschedulable('pre-step missing')),
    };
    const result = runSchedulingCycle({ filters: [plugin], scorers: [] }, fakeRequest({ vcpus: 2 }), hosts('a', 'b', 'c'));
    expect(preFilterRuns).toBe(1);
    expect(result.candidates.every((c) => c.fits)).toBe(true);
  });

  it.each<[string, WeightedScorer[], Record<string, number>]>([
    ['one scorer', [{ plugin: fixedScores('x', { a: 10, b: 20 }), weight: 1 }], { a: 10, b: 20 }],
    ['a weight multiplies', [{ plugin: fixedScores('x', { a: 10, b: 20 }), weight: 3 }], { a: 30, b: 60 }],
    [
      'weighted scores add up',
      [
        { plugin: fixedScores('x', { a: 10, b: 20 }), weight: 1 },
        { plugin: fixedScores('y', { a: 50, b: 0 }), weight: 2 },
      ],
      { a: 110, b: 20 },
    ],
    ['a negative weight inverts', [{ plugin: fixedScores('x', { a: 10, b: 20 }), weight: -1 }], { a: -10, b: -20 }],
    ['a zero weight switches a scorer off', [{ plugin: fixedScores('x', { a: 10, b: 20 }), weight: 0 }], { a: 0, b: 0 }],
  ])('scores as Σ weight × score: %s', (_name, scorers, expected) => {
    const result = runSchedulingCycle({ filters: [], scorers }, fakeRequest(), hosts('a', 'b'));
    expect(Object.fromEntries(result.candidates.map((c) => [c.hostname, c.score]))).toEqual(expected);
  });

  it.each([
    { weight: 1, chosen: 'empty' },
    { weight: -1, chosen: 'full' },
  ])('with spread at weight $weight chooses the $chosen host', ({ weight, chosen }) => {
    const fleet = [
      fakeHost({ hostname: 'full', allocated: { vcpus: 28, memoryMib: 90_000 } }),
      fakeHost({ hostname: 'half', allocated: { vcpus: 16, memoryMib: 49_152 } }),
      fakeHost({ hostname: 'empty' }),
    ];
    const result = runSchedulingCycle({ filters: [cpuFitsFilter()], scorers: [{ plugin: spreadScorer(), weight }] }, fakeRequest(), fleet);
    expect(result.chosen?.hostname).toBe(chosen);
    expect(result.candidates.map((c) => c.hostname)).toEqual(weight > 0 ? ['empty', 'half', 'full'] : ['full', 'half', 'empty']);
  });

  it('breaks score ties by hostname, then id, whatever the input order', () => {
    const fleet = [
      fakeHost({ id: '2', hostname: 'b' }),
      fakeHost({ id: '9', hostname: 'a' }),
      fakeHost({ id: '1', hostname: 'a' }),
      fakeHost({ id: '3', hostname: 'c' }),
    ];
    const plan = { filters: [], scorers: [{ plugin: fixedScores('x', { a: 50, b: 50, c: 60 }), weight: 1 }] };
    const forward = runSchedulingCycle(plan, fakeRequest(), fleet);
    const backward = runSchedulingCycle(plan, fakeRequest(), [...fleet].reverse());
    expect(forward.candidates.map((c) => c.hostId)).toEqual(['3', '1', '9', '2']);
    expect(backward.candidates).toEqual(forward.candidates);
    expect(forward.chosen?.id).toBe('3');
  });

  it('lists rejected hosts that got further through the filters first', () => {
    const result = runSchedulingCycle(
      { filters: [rejecting('early', ['z']).plugin, rejecting('late', ['a']).plugin], scorers: [] },
      fakeRequest(),
      hosts('z', 'a', 'ok'),
    );
    expect(result.candidates.map((c) => c.hostname)).toEqual(['ok', 'a', 'z']);
  });

  it('applies a scorer normalization before weighting', () => {
    const halving: ScorePlugin = {
      ...fixedScores('halving', { a: 80, b: 40 }),
      normalize: (scores) => scores.forEach((s, id) => scores.set(id, s / 2)),
    };
    const result = runSchedulingCycle({ filters: [], scorers: [{ plugin: halving, weight: 2 }] }, fakeRequest(), hosts('a', 'b'));
    expect(result.candidates.map((c) => c.score)).toEqual([80, 40]);
  });

  it.each([-1, 100.5, Number.NaN])('refuses a scorer that returns %s', (bad) => {
    const plan = { filters: [], scorers: [{ plugin: fixedScores('broken', { a: bad }), weight: 1 }] };
    expect(() => runSchedulingCycle(plan, fakeRequest(), hosts('a'))).toThrow(/score plugin "broken" gave host id-a the score/);
  });

  it('chooses nothing and scores nothing when every host is rejected', () => {
    let scored = 0;
    const counting: ScorePlugin = { name: 'counting', score: () => ++scored && 0 };
    const result = runSchedulingCycle(
      { filters: [rejecting('all', ['a', 'b']).plugin], scorers: [{ plugin: counting, weight: 1 }] },
      fakeRequest(),
      hosts('a', 'b'),
    );
    expect(result.chosen).toBeNull();
    expect(scored).toBe(0);
    expect(result.summary).toBe('0 of 2 hosts fit: 2 × all says no (a, b)');
  });

  it('handles an empty fleet', () => {
    expect(runSchedulingCycle({ filters: [cpuFitsFilter()], scorers: [] }, fakeRequest(), [])).toEqual({
      chosen: null,
      candidates: [],
      summary: '0 of 0 hosts fit: there are no hosts to place on',
    });
  });
});

describe('evaluateHostWith', () => {
  it.each([
    { hostname: 'ok', expected: { ok: true } },
    { hostname: 'a', expected: { ok: false, filteredBy: 'first', reasons: ['first says no'] } },
    { hostname: 'b', expected: { ok: false, filteredBy: 'second', reasons: ['second says no'] } },
  ])('re-checks host $hostname as $expected', ({ hostname, expected }) => {
    const filters = [rejecting('first', ['a']).plugin, rejecting('second', ['a', 'b']).plugin];
    expect(evaluateHostWith(filters, fakeRequest(), fakeHost({ hostname }))).toEqual(expected);
  });
});
