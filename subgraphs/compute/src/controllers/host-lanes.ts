/** One unit of work for a host; `kind` lets a newer waiting job of a coalescing kind replace an older one. */
export interface LaneJob {
  kind: string;
  run(): Promise<void>;
}

interface Lane {
  pending: LaneJob[];
  running: Promise<void> | null;
}

/**
 * Runs jobs one at a time per host, in arrival order, hosts in parallel: a host's agent
 * events and the reconciliation of its VMs never overtake each other, so a listing is
 * applied before the events that follow it. A reconcile that finds one of its kind still
 * waiting replaces it (no pile-up behind a slow host). A failing job is reported and the
 * lane carries on.
 */
export class HostLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly coalescing: ReadonlySet<string>,
    private readonly onError: (hostId: string, job: LaneJob, err: unknown) => void,
  ) {}

  push(hostId: string, job: LaneJob): void {
    let lane = this.lanes.get(hostId);
    if (!lane) {
      lane = { pending: [], running: null };
      this.lanes.set(hostId, lane);
    }
    const last = lane.pending[lane.pending.length - 1];
    if (last && last.kind === job.kind && this.coalescing.has(job.kind)) lane.pending[lane.pending.length - 1] = job;
    else lane.pending.push(job);
    if (!lane.running) lane.running = this.drain(hostId, lane);
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

  private async drain(hostId: string, lane: Lane): Promise<void> {
    for (let job = lane.pending.shift(); job; job = lane.pending.shift()) {
      try {
        await job.run();
      } catch (err) {
        this.onError(hostId, job, err);
      }
    }
    lane.running = null;
    this.lanes.delete(hostId);
  }
}
