import { randomUUID } from 'node:crypto';
import { Etcd3, EtcdLockFailedError, type Lease, type Namespace, type Watcher } from 'etcd3';
import type { Coordination, HeartbeatLeases, LeaderElection, Leadership, Locks } from './coordination';
import { KEYS, LockTimeoutError } from './coordination';

/**
 * Leader election through etcd's election recipe: the leader holds a key bound to its
 * session lease; if the process dies or loses etcd, the lease lapses and another candidate
 * is elected. A lost campaign aborts the work and campaigns again after a pause.
 */
export class EtcdElection implements LeaderElection {
  constructor(private readonly client: Namespace, private readonly instanceId: string, private readonly ttlSeconds: number) {}

  run(name: string, lead: (signal: AbortSignal) => void | Promise<void>): Leadership {
    let stopped = false;
    let current: AbortController | null = null;
    let campaign: ReturnType<ReturnType<Namespace['election']>['campaign']> | null = null;
    let retry: NodeJS.Timeout | undefined;
    const election = this.client.election(KEYS.election(name), this.ttlSeconds);

    const start = () => {
      if (stopped) return;
      const c = election.campaign(this.instanceId);
      campaign = c;
      c.on('elected', () => {
        if (stopped) return;
        current = new AbortController();
        void Promise.resolve().then(() => lead((current as AbortController).signal)).catch(() => undefined);
      });
      c.on('error', () => {
        current?.abort();
        current = null;
        if (!stopped) retry = setTimeout(start, 1000);
      });
    };
    start();
    return {
      isLeader: () => current !== null && !current.signal.aborted,
      stop: async () => {
        stopped = true;
        clearTimeout(retry);
        current?.abort();
        current = null;
        await campaign?.resign().catch(() => undefined);
      },
    };
  }
}

/**
 * Host heartbeat leases in etcd: each host has a key bound to a lease of TTL seconds that is
 * refreshed only by that host's heartbeats (no automatic keep-alive). When heartbeats stop,
 * etcd expires the lease and deletes the key, and every watcher learns it.
 */
export class EtcdLeases implements HeartbeatLeases {
  private readonly leases = new Map<string, Lease>();
  private readonly listeners = new Set<(hostId: string) => void>();
  private readonly forgotten = new Set<string>();
  private watcher: Promise<Watcher> | null = null;

  constructor(private readonly client: Namespace, private readonly ttlSeconds: number) {}

  async beat(hostId: string): Promise<void> {
    this.forgotten.delete(hostId);
    const lease = this.leases.get(hostId);
    if (lease && !lease.revoked()) {
      const res = await lease.keepaliveOnce().catch(() => null);
      if (res && Number(res.TTL) > 0) return;
      this.leases.delete(hostId);
    }
    const fresh = this.client.lease(this.ttlSeconds, { autoKeepAlive: false });
    fresh.on('lost', () => {
      if (this.leases.get(hostId) === fresh) this.leases.delete(hostId);
    });
    this.leases.set(hostId, fresh);
    await fresh.put(KEYS.hostHeartbeat(hostId)).value(new Date().toISOString());
  }

  async isAlive(hostId: string): Promise<boolean> {
    return (await this.client.get(KEYS.hostHeartbeat(hostId)).string()) !== null;
  }

  onExpired(listener: (hostId: string) => void): () => void {
    this.listeners.add(listener);
    this.watcher ??= this.client
      .watch()
      .prefix(KEYS.hostHeartbeatPrefix)
      .create()
      .then((w) => {
        w.on('delete', (kv) => {
          const hostId = kv.key.toString().slice(KEYS.hostHeartbeatPrefix.length).split('/')[0];
          if (!hostId || this.forgotten.has(hostId)) return;
          for (const l of this.listeners) l(hostId);
        });
        return w;
      });
    return () => this.listeners.delete(listener);
  }

  async forget(hostId: string): Promise<void> {
    this.forgotten.add(hostId);
    const lease = this.leases.get(hostId);
    this.leases.delete(hostId);
    await lease?.revoke().catch(() => undefined);
  }

  async close(): Promise<void> {
    const w = await this.watcher?.catch(() => null);
    await w?.cancel().catch(() => undefined);
    // Leases are left to expire: a control-plane restart must not mark every host failed.
    for (const l of this.leases.values()) l.release();
  }
}

/** etcd's lock is a try-lock; we retry with backoff until the timeout. */
export class EtcdLocks implements Locks {
  constructor(private readonly client: Namespace, private readonly ttlSeconds: number) {}

  async withLock<T>(name: string, fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let delay = 20;
    for (;;) {
      const lock = this.client.lock(KEYS.lock(name)).ttl(this.ttlSeconds);
      try {
        await lock.acquire();
      } catch (err) {
        if (!(err instanceof EtcdLockFailedError)) throw err;
        if (Date.now() + delay > deadline) throw new LockTimeoutError(`lock ${name} not acquired within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, delay + Math.random() * delay));
        delay = Math.min(delay * 2, 500);
        continue;
      }
      try {
        return await fn();
      } finally {
        await lock.release().catch(() => undefined);
      }
    }
  }
}

export interface EtcdCoordinationOptions {
  endpoints: string[];
  /** Key prefix of this deployment, so several control planes can share one etcd. */
  namespace: string;
  hostLeaseTtlSeconds: number;
  /** Session TTL of election candidates: how soon a dead leader is replaced. Default 5 s. */
  electionTtlSeconds?: number;
}

export function createEtcdCoordination(opts: EtcdCoordinationOptions): Coordination {
  const client = new Etcd3({ hosts: opts.endpoints, dialTimeout: 3000 });
  const ns = client.namespace(`/${opts.namespace}/`);
  const leases = new EtcdLeases(ns, opts.hostLeaseTtlSeconds);
  return {
    election: new EtcdElection(ns, `${process.pid}-${randomUUID()}`, opts.electionTtlSeconds ?? 5),
    leases,
    locks: new EtcdLocks(ns, 30),
    kind: 'etcd',
    close: async () => {
      await leases.close();
      client.close();
    },
  };
}
