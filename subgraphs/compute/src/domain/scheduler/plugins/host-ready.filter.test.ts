import { createCycleState } from '../framework';
import { fakeHost, fakeRequest } from '../fake-host';
import type { HostPhase } from '../types';
import { hostReadyFilter, notReadyReason, notReadySummary, phasesByFrequency } from './host-ready.filter';

describe('host-ready filter', () => {
  const plugin = hostReadyFilter();

  it.each<[HostPhase, boolean]>([
    ['READY', true],
    ['NOT_READY', false],
    ['DRAINING', false],
    ['MAINTENANCE', false],
    ['UNKNOWN', false],
  ])('treats a %s host as fitting: %s', (phase, fits) => {
    const status = plugin.filter(createCycleState(), fakeRequest(), fakeHost({ phase }));
    expect(status).toEqual(fits ? { ok: true } : { ok: false, reasons: [notReadyReason(phase)] });
  });

  it('words the reason with the phase', () => {
    expect(notReadyReason('NOT_READY')).toBe('host not ready (NOT_READY)');
  });

  it.each<[HostPhase[], HostPhase[]]>([
    [[], []],
    [['UNKNOWN'], ['UNKNOWN']],
    [['DRAINING', 'NOT_READY', 'NOT_READY'], ['NOT_READY', 'DRAINING']],
    [['UNKNOWN', 'DRAINING'], ['DRAINING', 'UNKNOWN']],
  ])('orders phases %j by frequency, then name: %j', (phases, expected) => {
    expect(phasesByFrequency(phases)).toEqual(expected);
  });

  it('summarizes rejected hosts by their phases', () => {
    const rejected = [fakeHost({ phase: 'MAINTENANCE' }), fakeHost({ phase: 'NOT_READY' }), fakeHost({ phase: 'NOT_READY' })];
    expect(plugin.summarize?.(createCycleState(), fakeRequest(), rejected)).toBe('host not ready: NOT_READY, MAINTENANCE');
    expect(notReadySummary(['UNKNOWN'])).toBe('host not ready: UNKNOWN');
  });
});
