import {
  DEFAULT_FAILURE_THRESHOLD,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  evaluateHostHealth,
  hostHealth,
  nextPhase,
  type HeartbeatPolicy,
} from './host-health';
import type { HostPhase } from './host';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const SEED: HeartbeatPolicy = { intervalMs: 30_000, failureThreshold: 3 };

describe('hostHealth', () => {
  it('uses the seed defaults of a 30 s interval and 3 missed heartbeats', () => {
    expect([DEFAULT_HEARTBEAT_INTERVAL_MS, DEFAULT_FAILURE_THRESHOLD]).toEqual([30_000, 3]);
  });

  it.each([
    { case: 'never heartbeated', last: null, policy: SEED, expected: 'NOT_READY' },
    { case: 'heartbeated just now', last: ago(0), policy: SEED, expected: 'READY' },
    { case: 'missed one heartbeat', last: ago(45_000), policy: SEED, expected: 'READY' },
    { case: 'is silent exactly 3 intervals', last: ago(90_000), policy: SEED, expected: 'READY' },
    { case: 'is silent 1 ms past 3 intervals', last: ago(90_001), policy: SEED, expected: 'NOT_READY' },
    { case: 'is silent for an hour', last: ago(3_600_000), policy: SEED, expected: 'NOT_READY' },
    { case: 'has a heartbeat stamped in the future', last: ago(-5_000), policy: SEED, expected: 'READY' },
    { case: 'is silent 25 s with a 10 s interval and threshold 2', last: ago(25_000), policy: { intervalMs: 10_000, failureThreshold: 2 }, expected: 'NOT_READY' },
    { case: 'is silent 25 s with a 10 s interval and threshold 5', last: ago(25_000), policy: { intervalMs: 10_000, failureThreshold: 5 }, expected: 'READY' },
    { case: 'is silent 2 s with a 1 s interval and threshold 1', last: ago(2_000), policy: { intervalMs: 1_000, failureThreshold: 1 }, expected: 'NOT_READY' },
  ])('says $expected for a host that $case', ({ last, policy, expected }) => {
    expect(hostHealth(last, NOW, policy)).toBe(expected);
  });

  it.each([
    { intervalMs: 0, failureThreshold: 3 },
    { intervalMs: -1, failureThreshold: 3 },
    { intervalMs: Number.NaN, failureThreshold: 3 },
    { intervalMs: 30_000, failureThreshold: 0 },
    { intervalMs: 30_000, failureThreshold: 1.5 },
  ])('rejects the policy $intervalMs ms × $failureThreshold', (policy) => {
    expect(() => hostHealth(ago(0), NOW, policy)).toThrow(RangeError);
  });
});

describe('nextPhase', () => {
  it.each<[HostPhase, 'READY' | 'NOT_READY', HostPhase]>([
    ['UNKNOWN', 'READY', 'READY'],
    ['READY', 'READY', 'READY'],
    ['NOT_READY', 'READY', 'READY'],
    ['DRAINING', 'READY', 'DRAINING'],
    ['MAINTENANCE', 'READY', 'MAINTENANCE'],
    ['UNKNOWN', 'NOT_READY', 'NOT_READY'],
    ['READY', 'NOT_READY', 'NOT_READY'],
    ['NOT_READY', 'NOT_READY', 'NOT_READY'],
    ['DRAINING', 'NOT_READY', 'NOT_READY'],
    ['MAINTENANCE', 'NOT_READY', 'NOT_READY'],
  ])('moves a %s host that is %s to %s', (current, health, expected) => {
    expect(nextPhase(current, health)).toBe(expected);
  });
});

describe('evaluateHostHealth', () => {
  it.each([
    { phase: 'UNKNOWN', last: ago(1_000), expected: { health: 'READY', missedHeartbeats: 0, phase: 'READY', changed: true } },
    { phase: 'READY', last: ago(65_000), expected: { health: 'READY', missedHeartbeats: 2, phase: 'READY', changed: false } },
    { phase: 'READY', last: ago(120_000), expected: { health: 'NOT_READY', missedHeartbeats: 4, phase: 'NOT_READY', changed: true } },
    { phase: 'NOT_READY', last: ago(120_000), expected: { health: 'NOT_READY', missedHeartbeats: 4, phase: 'NOT_READY', changed: false } },
    { phase: 'NOT_READY', last: ago(2_000), expected: { health: 'READY', missedHeartbeats: 0, phase: 'READY', changed: true } },
    { phase: 'DRAINING', last: ago(10_000), expected: { health: 'READY', missedHeartbeats: 0, phase: 'DRAINING', changed: false } },
    { phase: 'MAINTENANCE', last: ago(91_000), expected: { health: 'NOT_READY', missedHeartbeats: 3, phase: 'NOT_READY', changed: true } },
    { phase: 'UNKNOWN', last: null, expected: { health: 'NOT_READY', missedHeartbeats: null, phase: 'NOT_READY', changed: true } },
    { phase: 'READY', last: ago(-10_000), expected: { health: 'READY', missedHeartbeats: 0, phase: 'READY', changed: false } },
  ] as const)('checks a $phase host last seen at $last as $expected.phase', ({ phase, last, expected }) => {
    expect(evaluateHostHealth({ phase, lastHeartbeatAt: last }, NOW, SEED)).toEqual(expected);
  });
});
