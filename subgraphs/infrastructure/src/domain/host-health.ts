// Host health from heartbeats: the pure decision the heartbeat monitor (next issue) applies
// to every host on each check. Policy: a host that missed `failureThreshold` consecutive
// heartbeats has failed and becomes NOT_READY, whatever phase it was in; a host that
// heartbeats is READY unless an operator put it in DRAINING or MAINTENANCE, which it keeps.

import type { HostPhase } from './host';

/** How often agents heartbeat and how many missed beats mean the host failed. */
export interface HeartbeatPolicy {
  /** Expected time between two heartbeats, in ms; default DEFAULT_HEARTBEAT_INTERVAL_MS (30 s). */
  intervalMs: number;
  /** Consecutive missed heartbeats after which the host has failed; default DEFAULT_FAILURE_THRESHOLD (3). */
  failureThreshold: number;
}

/** The seed's check interval: 30 s. */
export const DEFAULT_HEARTBEAT_INTERVAL_MS = 30_000;

/** The seed's failure threshold: 3 missed heartbeats (90 s of silence at the default interval). */
export const DEFAULT_FAILURE_THRESHOLD = 3;

export const DEFAULT_HEARTBEAT_POLICY: Readonly<HeartbeatPolicy> = Object.freeze({
  intervalMs: DEFAULT_HEARTBEAT_INTERVAL_MS,
  failureThreshold: DEFAULT_FAILURE_THRESHOLD,
});

export type HostHealth = 'READY' | 'NOT_READY';

export interface HealthVerdict {
  health: HostHealth;
  /** Whole heartbeat intervals elapsed since the last one; null when it never heartbeated. */
  missedHeartbeats: number | null;
  /** The phase the host should be in now. */
  phase: HostPhase;
  /** True when `phase` differs from the current one: the monitor writes only then. */
  changed: boolean;
}

/**
 * READY while the silence since the last heartbeat is at most intervalMs × failureThreshold;
 * NOT_READY beyond it, or when the host never heartbeated. The bound is inclusive so that a
 * heartbeat arriving exactly on time for the last allowed beat does not flap the host.
 * A heartbeat stamped in the future (clock skew) counts as fresh.
 */
export function hostHealth(lastHeartbeatAt: Date | null, now: Date, policy: HeartbeatPolicy = DEFAULT_HEARTBEAT_POLICY): HostHealth {
  assertPolicy(policy);
  if (lastHeartbeatAt === null) return 'NOT_READY';
  const silenceMs = now.getTime() - lastHeartbeatAt.getTime();
  return silenceMs > policy.intervalMs * policy.failureThreshold ? 'NOT_READY' : 'READY';
}

/**
 * The phase after a health check. A failure overrides every phase (HA must see the host as
 * failed even mid-drain); recovery returns NOT_READY and UNKNOWN hosts to READY and leaves
 * DRAINING and MAINTENANCE alone. A maintenance host that fails and recovers comes back
 * READY but still unschedulable: cordoning is the `schedulable` flag, not the phase.
 */
export function nextPhase(current: HostPhase, health: HostHealth): HostPhase {
  if (health === 'NOT_READY') return 'NOT_READY';
  switch (current) {
    case 'DRAINING':
    case 'MAINTENANCE':
      return current;
    case 'READY':
    case 'NOT_READY':
    case 'UNKNOWN':
      return 'READY';
    default: {
      // The platform's UnreachableCaseError lives behind its index, which pulls Prisma and
      // GraphQL into this pure module; the same compile-time proof, spelled locally.
      const unreachable: never = current;
      throw new Error(`Unreachable case: ${JSON.stringify(unreachable)}`);
    }
  }
}

/** One host's check: its health, how many beats it missed and the phase transition. */
export function evaluateHostHealth(
  host: { phase: HostPhase; lastHeartbeatAt: Date | null },
  now: Date,
  policy: HeartbeatPolicy = DEFAULT_HEARTBEAT_POLICY,
): HealthVerdict {
  const health = hostHealth(host.lastHeartbeatAt, now, policy);
  const missedHeartbeats =
    host.lastHeartbeatAt === null ? null : Math.max(0, Math.floor((now.getTime() - host.lastHeartbeatAt.getTime()) / policy.intervalMs));
  const phase = nextPhase(host.phase, health);
  return { health, missedHeartbeats, phase, changed: phase !== host.phase };
}

function assertPolicy(policy: HeartbeatPolicy): void {
  if (!Number.isFinite(policy.intervalMs) || policy.intervalMs <= 0) {
    throw new RangeError(`heartbeat interval must be a positive number of ms, got ${policy.intervalMs}`);
  }
  if (!Number.isInteger(policy.failureThreshold) || policy.failureThreshold < 1) {
    throw new RangeError(`failure threshold must be a positive whole number of heartbeats, got ${policy.failureThreshold}`);
  }
}
