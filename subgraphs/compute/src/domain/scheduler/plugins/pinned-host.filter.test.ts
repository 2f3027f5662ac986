import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import { passesPin, pinnedHostFilter, REASON_NOT_PINNED } from './pinned-host.filter';

describe('pinned-host filter', () => {
  it.each<[string | undefined, string, boolean]>([
    [undefined, 'h1', true],
    ['h1', 'h1', true],
    ['h1', 'h2', false],
  ])('with pin %s lets host %s pass: %s', (pinned, hostId, expected) => {
    expect(passesPin(pinned, hostId)).toBe(expected);
  });

  it.each([
    { pinnedHostId: undefined, hostId: 'h2', expected: { ok: true } },
    { pinnedHostId: 'h1', hostId: 'h1', expected: { ok: true } },
    { pinnedHostId: 'h1', hostId: 'h2', expected: { ok: false, reasons: [REASON_NOT_PINNED] } },
  ])('with pin $pinnedHostId answers $expected for $hostId', ({ pinnedHostId, hostId, expected }) => {
    expect(pinnedHostFilter().filter(createCycleState(), fakeRequest({ pinnedHostId }), fakeHost({ id: hostId }))).toEqual(expected);
  });

  it.each([
    { fleet: ['h1', 'h2'], summary: 'not the pinned host' },
    { fleet: ['h2', 'h3'], summary: 'not the pinned host, h1, which does not exist' },
  ])('summarizes a pin to h1 in fleet $fleet as "$summary"', ({ fleet, summary }) => {
    const plugin = pinnedHostFilter();
    const req = fakeRequest({ pinnedHostId: 'h1' });
    const hosts = fleet.map((id) => fakeHost({ id }));
    const state = createCycleState();
    plugin.preFilter?.(state, req, hosts);
    expect(plugin.summarize?.(state, req, hosts.filter((h) => h.id !== 'h1'))).toBe(summary);
  });
});
