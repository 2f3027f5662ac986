import {
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  FAILS_ON_SILENCE,
  leaseTtlMs,
  nextPhase,
  RECOVERS_ON_HEARTBEAT,
} from './host-health';
import type { HostPhase } from './host';

describe('leaseTtlMs', () => {
  it('uses the seed defaults of a 30 s interval and 3 missed heartbeats: 90 s', () => {
    expect([DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_FAILURE_THRESHOLD]).toEqual([30_000, 3]);
    expect(leaseTtlMs()).toBe(90_000);
  });

  it.each([
    { intervalMs: 100, failureThreshold: 3, expected: 300 },
    { intervalMs: 10_000, failureThreshold: 1, expected: 10_000 },
    { intervalMs: 2_500, failureThreshold: 4, expected: 10_000 },
  ])('gives $expected ms for $intervalMs ms × $failureThreshold', ({ expected, ...policy }) => {
    expect(leaseTtlMs(policy)).toBe(expected);
  });

  it.each([
    { intervalMs: 0, failureThreshold: 3 },
    { intervalMs: -1, failureThreshold: 3 },
    { intervalMs: Number.NaN, failureThreshold: 3 },
    { intervalMs: 30_000, failureThreshold: 0 },
    { intervalMs: 30_000, failureThreshold: 1.5 },
  ])('rejects the policy $intervalMs ms × $failureThreshold', (policy) => {
    expect(() => leaseTtlMs(policy)).toThrow(RangeError);
  });
});

describe('nextPhase', () => {
  it.each<[HostPhase, 'READY' | 'NOT_READY', HostPhase]>([
    ['UNKNOWN', 'READY', 'READY'],
    ['READY', 'READY', 'READY'],
    ['NOT_READY', 'READY', 'READY'],
    ['DRAINING', 'READY', 'DRAINING'],
    ['MAINTENANCE', 'READY', 'MAINTENANCE'],
    ['UNKNOWN', 'NOT_READY', 'UNKNOWN'],
    ['READY', 'NOT_READY', 'NOT_READY'],
    ['NOT_READY', 'NOT_READY', 'NOT_READY'],
    ['DRAINING', 'NOT_READY', 'NOT_READY'],
    ['MAINTENANCE', 'NOT_READY', 'MAINTENANCE'],
  ])('moves a %s host that is %s to %s', (current, health, expected) => {
    expect(nextPhase(current, health)).toBe(expected);
  });

  it('fails READY and DRAINING hosts on silence, and recovers NOT_READY and UNKNOWN ones on a heartbeat', () => {
    expect(FAILS_ON_SILENCE).toEqual(['READY', 'DRAINING']);
    expect(RECOVERS_ON_HEARTBEAT).toEqual(['NOT_READY', 'UNKNOWN']);
  });
});
