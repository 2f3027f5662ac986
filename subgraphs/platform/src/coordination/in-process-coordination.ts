import type { Coordination, HeartbeatLeases, LeaderElection, Leadership, Locks } from './coordination';
import { LockTimeoutError } from './coordination';

/** One process is always its own leader. */
export class InProcessElection implements LeaderElection {
  run(_name: string, lead: (signal: AbortSignal) => void | Promise<void>): Leadership {
    const controller = new AbortController();
    void Promise.resolve().then(() => lead(controller.signal)).catch(() => undefined);
    return {
      isLeader: () => !controller.signal.aborted,
      stop: async () => controller.abort(),
    };
  }
}

/** Leases as timers: a host whose timer runs out without a beat has expired. */
export class InProcessLeases implements HeartbeatLeases {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly listeners = new Set<(hostId: string) => void>();

  constructor(private readonly ttlMs: number) {}

  async beat(hostId: string): Promise<void> {
    clearTimeout(this.timers.get(hostId));
    const timer = setTimeout(() => {
      this.timers.delete(hostId);
      for (const l of this.listeners) l(hostId);
    }, this.ttlMs);
    timer.unref();
    this.timers.set(hostId, timer);
  }

  async isAlive(hostId: string): Promise<boolean> {
    return this.timers.has(hostId);
  }

  onExpired(listener: (hostId: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async forget(hostId: string): Promise<void> {
    clearTimeout(this.timers.get(hostId));
    this.timers.delete(hostId);
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.listeners.clear();
  }
}

/** Promise-chained mutexes by name. */
export class InProcessLocks implements Locks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(name: string, fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        previous,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new LockTimeoutError(`lock ${name} not acquired within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      return await fn();
    } finally {
      clearTimeout(timer);
      release();
      if (this.tails.get(name) === tail) this.tails.delete(name);
    }
  }
}

export function createInProcessCoordination(hostLeaseTtlMs: number): Coordination {
  const leases = new InProcessLeases(hostLeaseTtlMs);
  return {
    election: new InProcessElection(),
    leases,
    locks: new InProcessLocks(),
    kind: 'in-process',
    close: async () => leases.close(),
  };
}
