import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import type { HostSnapshot, PlacementRequest } from '../types';
import { hostSelectorFilter, labelsReason, missingLabels, selectorEntries } from './host-selector.filter';

function check(req: PlacementRequest, host: HostSnapshot) {
  const plugin = hostSelectorFilter();
  const state = createCycleState();
  plugin.preFilter?.(state, req, [host]);
  return plugin.filter(state, req, host);
}

describe('host-selector filter', () => {
  it.each<[Record<string, string>, Record<string, string>, string[]]>([
    [{}, {}, []],
    [{}, { zone: 'a' }, []],
    [{ zone: 'a' }, { zone: 'a', gpu: 'true' }, []],
    [{ zone: 'a' }, {}, ['zone=a']],
    [{ zone: 'a' }, { zone: 'b' }, ['zone=a']],
    [{ zone: 'a', tier: 'gold' }, { tier: 'silver' }, ['tier=gold', 'zone=a']],
    // Regression guard: "constructor" is on every object's prototype and must not count as a label.
    [{ constructor: 'x' }, {}, ['constructor=x']],
  ])('for selector %j on labels %j reports missing %j', (selector, labels, missing) => {
    expect(missingLabels(selectorEntries(selector), labels)).toEqual(missing);
  });

  it.each<{ selector: Record<string, string>; labels: Record<string, string>; expected: unknown }>([
    { selector: {}, labels: {}, expected: { ok: true } },
    { selector: { zone: 'a' }, labels: { zone: 'a' }, expected: { ok: true } },
    { selector: { zone: 'a' }, labels: { zone: 'b' }, expected: { ok: false, reasons: ['labels: missing zone=a'] } },
    { selector: { zone: 'a', gpu: 'true' }, labels: {}, expected: { ok: false, reasons: ['labels: missing gpu=true, zone=a'] } },
  ])('for selector $selector on labels $labels answers $expected', ({ selector, labels, expected }) => {
    expect(check(fakeRequest({ hostSelector: selector }), fakeHost({ labels }))).toEqual(expected);
  });

  it('works without its pre-step, for callers that check one host', () => {
    const status = hostSelectorFilter().filter(createCycleState(), fakeRequest({ hostSelector: { zone: 'a' } }), fakeHost());
    expect(status).toEqual({ ok: false, reasons: [labelsReason(['zone=a'])] });
  });

  it('summarizes with every selector label some rejected host lacks', () => {
    const plugin = hostSelectorFilter();
    const req = fakeRequest({ hostSelector: { zone: 'a', gpu: 'true', tier: 'gold' } });
    const state = createCycleState();
    plugin.preFilter?.(state, req, []);
    const rejected = [fakeHost({ labels: { zone: 'b', gpu: 'true', tier: 'gold' } }), fakeHost({ labels: { zone: 'a', gpu: 'true' } })];
    expect(plugin.summarize?.(state, req, rejected)).toBe('labels: missing tier=gold, zone=a');
  });
});
