// Host health from heartbeats: the pure policy the host monitor applies.
//
// Each heartbeat refreshes the host's lease, whose TTL is intervalMs × failureThreshold; a
// lease that runs out means the host missed `failureThreshold` heartbeats in a row and has
// failed. (The lease lives in the coordination service, etcd or in-process, so the
// deadline survives a change of monitor leader and nothing has to scan timestamps.)
//
// Phases:
// - silence (lease expired): READY and DRAINING hosts become NOT_READY — HA must see a
//   failed host as failed even mid-drain. MAINTENANCE is kept: such a host is empty and
//   cordoned, and is expected to go quiet while it is patched or rebooted; flagging it
//   NOT_READY would page people and lose the operator's intent. NOT_READY and UNKNOWN stay.
// - heartbeat: NOT_READY and UNKNOWN hosts become READY; DRAINING and MAINTENANCE are an
//   operator's decision and are kept. Cordoning is the `schedulable` flag, never the phase,
//   so a host that fails and recovers keeps whatever schedulable said.

import { HOST_PHASES, type HostPhase } from './host';

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

/**
 * The TTL of a host's heartbeat lease: intervalMs × failureThreshold. A RangeError for a
 * policy that makes no sense (it is a configuration bug).
 */
export function leaseTtlMs(policy: HeartbeatPolicy = DEFAULT_HEARTBEAT_POLICY): number {
  assertPolicy(policy);
  return policy.intervalMs * policy.failureThreshold;
}

/** The phase a host moves to when its health is observed (see the policy above). */
export function nextPhase(current: HostPhase, health: HostHealth): HostPhase {
  switch (current) {
    case 'READY':
    case 'DRAINING':
      return health === 'NOT_READY' ? 'NOT_READY' : current;
    case 'NOT_READY':
    case 'UNKNOWN':
      return health === 'READY' ? 'READY' : current;
    case 'MAINTENANCE':
      return current;
    default: {
      // The platform's UnreachableCaseError lives behind its index, which pulls Prisma and
      // GraphQL into this pure module; the same compile-time proof, spelled locally.
      const unreachable: never = current;
      throw new Error(`Unreachable case: ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Phases that a missed lease turns into NOT_READY: a conditional update's `from` set. */
export const FAILS_ON_SILENCE: readonly HostPhase[] = HOST_PHASES.filter((p) => nextPhase(p, 'NOT_READY') !== p);

/** Phases that a heartbeat turns into READY. */
export const RECOVERS_ON_HEARTBEAT: readonly HostPhase[] = HOST_PHASES.filter((p) => nextPhase(p, 'READY') !== p);

function assertPolicy(policy: HeartbeatPolicy): void {
  if (!Number.isFinite(policy.intervalMs) || policy.intervalMs <= 0) {
    throw new RangeError(`heartbeat interval must be a positive number of ms, got ${policy.intervalMs}`);
  }
  if (!Number.isInteger(policy.failureThreshold) || policy.failureThreshold < 1) {
    throw new RangeError(`failure threshold must be a positive whole number of heartbeats, got ${policy.failureThreshold}`);
  }
}
