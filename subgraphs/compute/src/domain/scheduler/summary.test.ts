import { runSchedulingCycle } from './framework';
import { fakeHost, fakeRequest } from './fake-host';
import { cpuFitsFilter } from './plugins/cpu-fits.filter';
import { hostReadyFilter } from './plugins/host-ready.filter';
import { memoryFitsFilter } from './plugins/memory-fits.filter';
import { schedulableFilter } from './plugins/schedulable.filter';
import { commonReasons, summarizePlacement, type RejectionGroup } from './summary';

const group = (filterIndex: number, count: number, headline: string, examples: string[]): RejectionGroup => ({
  filterIndex,
  count,
  headline,
  examples,
});

describe('summarizePlacement', () => {
  it.each<[string, number, number, RejectionGroup[], string]>([
    ['an empty fleet', 0, 0, [], '0 of 0 hosts fit: there are no hosts to place on'],
    ['every host fitting', 3, 3, [], '3 of 3 hosts fit'],
    ['one group quoting all its hosts', 2, 0, [group(0, 2, 'host cordoned', ['a', 'b'])], '0 of 2 hosts fit: 2 × host cordoned (a, b)'],
    [
      'groups by size, largest first',
      12,
      0,
      [group(0, 1, 'host not ready: NOT_READY', ['z']), group(2, 3, 'memory: m', ['d', 'e', 'f']), group(1, 8, 'cpu: c', ['a', 'b', 'c'])],
      '0 of 12 hosts fit: 8 × cpu: c (e.g. a, b, c); 3 × memory: m (d, e, f); 1 × host not ready: NOT_READY (z)',
    ],
    ['equal groups in filter order', 2, 0, [group(3, 1, 'late', ['a']), group(1, 1, 'early', ['b'])], '0 of 2 hosts fit: 1 × early (b); 1 × late (a)'],
    ['some hosts fitting', 5, 2, [group(0, 3, 'host cordoned', ['a', 'b', 'c'])], '2 of 5 hosts fit; rejected: 3 × host cordoned (a, b, c)'],
  ])('words %s', (_name, total, fit, groups, expected) => {
    expect(summarizePlacement(total, fit, groups)).toBe(expected);
  });

  it.each<[string[][], string]>([
    [[['x']], 'x'],
    [[['x'], ['x']], 'x'],
    [[['y'], ['x'], ['x']], 'x / y'],
    [[['a', 'b']], 'a, b'],
    [[['z'], ['y'], ['x'], ['x']], 'x / y / 1 other reason'],
    [[['w'], ['z'], ['y'], ['x'], ['x']], 'x / w / 2 other reasons'],
  ])('quotes the most common of %j as "%s"', (reasonLists, expected) => {
    expect(commonReasons(reasonLists)).toBe(expected);
  });
});

describe('the summary of a cycle', () => {
  it('groups rejections by kind across hosts, with counts and a few hostnames', () => {
    const cpuStarved = Array.from({ length: 8 }, (_, i) => fakeHost({ hostname: `cpu-${i}`, allocated: { vcpus: 28 + (i % 3) } }));
    const memoryStarved = Array.from({ length: 3 }, (_, i) => fakeHost({ hostname: `mem-${i}`, allocated: { memoryMib: 96_256 } }));
    const down = fakeHost({ hostname: 'down', phase: 'NOT_READY' });
    const filters = [hostReadyFilter(), schedulableFilter(), cpuFitsFilter(), memoryFitsFilter()];

    const req = fakeRequest({ vcpus: 8, memoryMib: 8192 });
    const result = runSchedulingCycle({ filters, scorers: [] }, req, [down, ...memoryStarved, ...cpuStarved]);

    expect(result.summary).toBe(
      '0 of 12 hosts fit: 8 × cpu: needs 8 vCPU, at most 4 free (e.g. cpu-0, cpu-1, cpu-2); ' +
        '3 × memory: needs 8192 MiB, at most 2048 free (mem-0, mem-1, mem-2); ' +
        '1 × host not ready: NOT_READY (down)',
    );
  });

  it('quotes the most common reasons for a filter that has no summarize', () => {
    const filters = [{ name: 'odd', filter: () => ({ ok: false as const, reasons: ['too odd'] }) }];
    const result = runSchedulingCycle({ filters, scorers: [] }, fakeRequest(), [fakeHost()]);
    expect(result.summary).toBe('0 of 1 hosts fit: 1 × too odd (host-a)');
  });
});
