/**
 * What control-plane replicas must agree on, behind small interfaces with an in-process
 * implementation (embedded mode, one process) and an etcd one (ETCD_ENDPOINTS).
 */

export interface Leadership {
  /** Whether this process leads now. */
  isLeader(): boolean;
  stop(): Promise<void>;
}

export interface LeaderElection {
  /**
   * Campaigns for `name` and runs `lead` while this process is the leader. `lead` receives a
   * signal that aborts when leadership is lost or stop() is called; after a loss the process
   * campaigns again.
   */
  run(name: string, lead: (signal: AbortSignal) => void | Promise<void>): Leadership;
}

export interface HeartbeatLeases {
  /** Records a host heartbeat: grants the host's lease on the first beat, refreshes it after. */
  beat(hostId: string): Promise<void>;
  /** Whether the host's lease is live. */
  isAlive(hostId: string): Promise<boolean>;
  /** Calls back when a host's lease expires because its heartbeats stopped. */
  onExpired(listener: (hostId: string) => void): () => void;
  /** Drops a host's lease (host removed); no expiry is reported for it. */
  forget(hostId: string): Promise<void>;
}

/**
 * A loop that does its work only while this process is the elected leader of its election
 * (the host monitor, the VM controller). Every replica starts one; one of them works.
 */
export interface LeaderController {
  /** Campaigns for leadership and works while leading. Idempotent. */
  start(): void;
  /** Resigns, closes what it opened and waits for the work in flight. */
  stop(): Promise<void>;
  /** Whether this process leads now. */
  isLeading(): boolean;
}

export interface Locks {
  /** Runs fn holding the named lock; waits up to timeoutMs for it. */
  withLock<T>(name: string, fn: () => Promise<T>, timeoutMs?: number): Promise<T>;
}

export interface Coordination {
  election: LeaderElection;
  leases: HeartbeatLeases;
  locks: Locks;
  /** 'etcd' or 'in-process', for logs and readiness. */
  kind: string;
  close(): Promise<void>;
}

export class LockTimeoutError extends Error {}

/**
 * etcd key layout (from the seed plan), inside the deployment's namespace: with the default
 * namespace `limiquantix`, a host's heartbeat key is /limiquantix/hosts/<id>/heartbeat.
 */
export const KEYS = {
  hostHeartbeat: (hostId: string) => `hosts/${hostId}/heartbeat`,
  hostHeartbeatPrefix: 'hosts/',
  lock: (name: string) => `locks/${name}`,
  election: (name: string) => `election/${name}`,
};
