/** One unit of work for a key; `kind` lets a newer job of the same kind replace a waiting one. */
export interface KeyedJob {
  kind: string;
  run(): Promise<void>;
}

interface Lane {
  pending: KeyedJob[];
  running: Promise<void> | null;
}

/**
 * Runs jobs one at a time per key, in arrival order, keys in parallel: the work for one key
 * (say, one host's reports) never overtakes itself, so its effects are applied and published
 * in order, while a slow key holds up no other.
 * A job of a coalescing kind that arrives while another of that kind is still the last one
 * waiting replaces it: when the work is slower than what asks for it, only the newest is
 * done instead of a growing backlog. A job that throws is reported to `onError` and the lane
 * carries on.
 */
export class KeyedSerialQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly coalescing: ReadonlySet<string>,
    private readonly onError: (key: string, job: KeyedJob, err: unknown) => void,
  ) {}

  push(key: string, job: KeyedJob): void {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { pending: [], running: null };
      this.lanes.set(key, lane);
    }
    const last = lane.pending[lane.pending.length - 1];
    if (last && last.kind === job.kind && this.coalescing.has(job.kind)) lane.pending[lane.pending.length - 1] = job;
    else lane.pending.push(job);
    if (!lane.running) lane.running = this.drain(key, lane);
  }

  /** Jobs waiting (not running) for the key. */
  waiting(key: string): number {
    return this.lanes.get(key)?.pending.length ?? 0;
  }

  /** Drops every waiting job; running ones finish. */
  clear(): void {
    for (const lane of this.lanes.values()) lane.pending.length = 0;
  }

  /** Resolves when no job is running or waiting. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.lanes.values()].map((l) => l.running).filter((r): r is Promise<void> => r !== null);
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  private async drain(key: string, lane: Lane): Promise<void> {
    for (let job = lane.pending.shift(); job; job = lane.pending.shift()) {
      try {
        await job.run();
      } catch (err) {
        this.onError(key, job, err);
      }
    }
    lane.running = null;
    this.lanes.delete(key);
  }
}
