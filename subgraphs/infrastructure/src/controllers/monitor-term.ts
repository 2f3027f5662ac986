// One term of the host monitor's leadership (see host-monitor.ts for the policy): what it
// opens — event watches, the lease-expiry listener, the host channel, timers — it closes in
// end(), and finished() waits for its writes in flight.

import type { AgentEvent, EventWatch } from '../../../../agents-client/src';
import { channels, KeyedSerialQueue, type HostChangedEvent } from '../../../platform/src';
import { FAILS_ON_SILENCE, leaseTtlMs, RECOVERS_ON_HEARTBEAT } from '../domain/host-health';
import { planAllocatableRefresh, planWatches, type WatchTarget } from '../domain/host-monitor-plan';
import { hostChangedEvent } from '../services/host-events';
import { isUuid } from '../services/ids';
import type { HostMonitorDeps } from './host-monitor';

/** Default time between two readings of the host list. */
export const DEFAULT_RESYNC_INTERVAL_MS = 2_000;

export class MonitorTerm {
  private active = true;
  private readonly watches = new Map<string, { address: string; watch: EventWatch; down: boolean; slowWarned: boolean }>();
  private readonly queue: KeyedSerialQueue;
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly ttlMs: number;
  private resyncTimer: NodeJS.Timeout | undefined;
  private unsubscribeExpiry: (() => void) | undefined;
  private hostEvents: AsyncIterator<HostChangedEvent> | undefined;
  private syncing: Promise<void> | null = null;
  private syncAgain = false;
  private beginning: Promise<void> = Promise.resolve();
  private ended!: () => void;
  private readonly endedSignal = new Promise<void>((resolve) => (this.ended = resolve));

  constructor(private readonly deps: HostMonitorDeps) {
    this.ttlMs = leaseTtlMs(deps.heartbeat);
    // When the database is slower than the heartbeats, only the newest figures are written.
    this.queue = new KeyedSerialQueue(new Set(['heartbeat']), (hostId, job, err) =>
      deps.log.warn(`host ${hostId}: ${job.kind} not recorded: ${describe(err)}`),
    );
  }

  begin(): Promise<void> {
    this.beginning = this.run();
    return this.beginning;
  }

  private async run(): Promise<void> {
    const { coordination, log } = this.deps;
    log.info(`leading the host monitor: following host heartbeats (lease ${this.ttlMs} ms)`);
    this.unsubscribeExpiry = coordination.leases.onExpired((hostId) => this.onLeaseExpired(hostId));
    this.followHostChannel();
    await this.refreshAllocatable();
    await this.requestSync();
    if (!this.active) return;
    this.resyncTimer = setInterval(() => void this.requestSync(), this.deps.resyncIntervalMs ?? DEFAULT_RESYNC_INTERVAL_MS);
    this.resyncTimer.unref();
  }

  end(): void {
    if (!this.active) return;
    this.active = false;
    clearInterval(this.resyncTimer);
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    this.unsubscribeExpiry?.();
    void this.hostEvents?.return?.();
    for (const { watch } of this.watches.values()) watch.close();
    this.watches.clear();
    this.queue.clear();
    this.deps.log.info('no longer leading the host monitor: host watches closed');
    this.ended();
  }

  /** Resolves once ended and nothing this term started is still running. */
  async finished(): Promise<void> {
    await this.endedSignal;
    await this.beginning.catch(() => undefined);
    await this.syncing;
    await this.queue.idle();
  }

  /** New and removed hosts are picked up at once rather than at the next periodic reading. */
  private followHostChannel(): void {
    const queue = this.deps.events.subscribe<HostChangedEvent>(channels.host.all);
    this.hostEvents = queue;
    void (async () => {
      for await (const event of queue) if (event.kind !== 'UPDATED') void this.requestSync();
    })().catch((err: unknown) => this.deps.log.warn(`host events not followed: ${describe(err)}`));
  }

  /** Runs a reading of the host list now, or right after the one in progress. */
  private requestSync(): Promise<void> {
    if (!this.active) return Promise.resolve();
    if (this.syncing) {
      this.syncAgain = true;
      return this.syncing;
    }
    this.syncing = (async () => {
      do {
        this.syncAgain = false;
        try {
          await this.sync();
        } catch (err) {
          this.deps.log.warn(`host list not read: ${describe(err)}`);
        }
      } while (this.syncAgain && this.active);
      this.syncing = null;
    })();
    return this.syncing;
  }

  private async sync(): Promise<void> {
    const targets = await this.deps.storage.watchTargets();
    if (!this.active) return;
    const watched = new Map([...this.watches].map(([id, w]) => [id, w.address]));
    const plan = planWatches(watched, targets);
    for (const id of plan.close) {
      this.watches.get(id)?.watch.close();
      this.watches.delete(id);
    }
    const opened = plan.open.filter((target) => this.openWatch(target));
    const phases = new Map(targets.map((t) => [t.id, t.phase]));
    await Promise.all(
      opened
        .filter((t) => FAILS_ON_SILENCE.includes(phases.get(t.id) ?? 'UNKNOWN'))
        .map((t) => this.grantGraceLease(t.id)),
    );
  }

  private openWatch(target: WatchTarget): boolean {
    const { agents, log } = this.deps;
    try {
      const watch = agents.connect(target.agentAddress).watchEvents(
        (event) => this.onAgentEvent(target.id, event),
        () => undefined, // the VM list is the compute subgraph's business
        {
          onConnectionChange: (change) => {
            const entry = this.watches.get(target.id);
            if (!entry) return;
            if (!change.connected) log.warn(`host ${target.id}: event stream from ${target.agentAddress} lost: ${change.error.message}`);
            else if (entry.down) log.info(`host ${target.id}: event stream from ${target.agentAddress} back`);
            entry.down = !change.connected;
          },
          onHandlerError: (err) => log.warn(`host ${target.id}: event handler failed: ${describe(err)}`),
        },
      );
      this.watches.set(target.id, { address: target.agentAddress, watch, down: false, slowWarned: false });
      return true;
    } catch (err) {
      // Not recorded as watched, so the next reading of the host list tries again.
      log.warn(`host ${target.id}: cannot watch the agent at ${target.agentAddress}: ${describe(err)}`);
      return false;
    }
  }

  /** A host that should be heartbeating but has no lease gets one TTL to prove it is alive. */
  private async grantGraceLease(hostId: string): Promise<void> {
    const { leases } = this.deps.coordination;
    try {
      if (!(await leases.isAlive(hostId)) && this.active) await leases.beat(hostId);
    } catch (err) {
      this.deps.log.warn(`host ${hostId}: lease not checked: ${describe(err)}`);
    }
  }

  private onAgentEvent(hostId: string, event: AgentEvent): void {
    if (!this.active || event.kind !== 'heartbeat') return;
    const receivedAt = new Date();
    // The lease is renewed on arrival, so slow database writes cannot fail a live host.
    this.deps.coordination.leases.beat(hostId).catch((err: unknown) => this.deps.log.warn(`host ${hostId}: lease not renewed: ${describe(err)}`));
    this.warnIfSlowerThanPolicy(hostId, event.intervalMs);
    this.queue.push(hostId, { kind: 'heartbeat', run: () => this.recordHeartbeat(hostId, event, receivedAt) });
  }

  /**
   * Usage and heartbeat time in one UPDATE; a second one only when the heartbeat recovers
   * the host. The time is the control plane's: agents' clocks may drift.
   */
  private async recordHeartbeat(hostId: string, event: Extract<AgentEvent, { kind: 'heartbeat' }>, receivedAt: Date): Promise<void> {
    const { storage, publisher, log } = this.deps;
    let host = await storage.recordHeartbeat(hostId, { cpuPercent: event.cpuPercent, memoryPercent: event.memoryPercent }, receivedAt);
    if (!host) {
      // Removed while we watched: stop following it and drop the lease this beat renewed.
      this.watches.get(hostId)?.watch.close();
      this.watches.delete(hostId);
      await this.deps.coordination.leases.forget(hostId);
      return;
    }
    if (RECOVERS_ON_HEARTBEAT.includes(host.phase)) {
      const recovered = await storage.transitionPhase(hostId, RECOVERS_ON_HEARTBEAT, 'READY');
      if (recovered) {
        log.info(`host ${recovered.hostname} (${hostId}) is READY: heartbeats arrive`);
        host = recovered;
      }
    }
    void publisher.host(hostChangedEvent('UPDATED', host));
  }

  private onLeaseExpired(hostId: string): void {
    // etcd reports every lease under the hosts prefix; ours are all uuids, and a malformed id
    // would only make the database refuse the lookup, again and again.
    if (!this.active || !isUuid(hostId)) return;
    this.queue.push(hostId, { kind: 'expiry', run: () => this.markSilent(hostId) });
  }

  /** Fails a host whose lease expired, unless a heartbeat renewed it in the meantime. */
  private async markSilent(hostId: string): Promise<void> {
    const { storage, publisher, log, heartbeat } = this.deps;
    try {
      if (await this.deps.coordination.leases.isAlive(hostId)) return;
      const host = await storage.transitionPhase(hostId, FAILS_ON_SILENCE, 'NOT_READY');
      // null: the host is in maintenance, already failed, or gone; nothing to do.
      if (!host) return;
      log.warn(
        `host ${host.hostname} (${hostId}) is NOT_READY: no heartbeat for ${this.ttlMs} ms ` +
          `(${heartbeat.failureThreshold} × ${heartbeat.intervalMs} ms)`,
      );
      void publisher.host(hostChangedEvent('UPDATED', host));
    } catch (err) {
      // The expiry is reported once: retry until it is written or leadership ends.
      log.warn(`host ${hostId}: failure not recorded, retrying in ${heartbeat.intervalMs} ms: ${describe(err)}`);
      const timer = setTimeout(() => {
        this.retries.delete(timer);
        this.onLeaseExpired(hostId);
      }, heartbeat.intervalMs);
      timer.unref();
      this.retries.add(timer);
    }
  }

  private warnIfSlowerThanPolicy(hostId: string, agentIntervalMs: number): void {
    const entry = this.watches.get(hostId);
    if (!entry || entry.slowWarned || agentIntervalMs <= this.deps.heartbeat.intervalMs) return;
    entry.slowWarned = true;
    this.deps.log.warn(
      `host ${hostId}: its agent heartbeats every ${agentIntervalMs} ms, slower than the expected ${this.deps.heartbeat.intervalMs} ms; ` +
        'it may be failed between heartbeats',
    );
  }

  private async refreshAllocatable(): Promise<void> {
    const { storage, publisher, overcommit, log } = this.deps;
    let changes;
    try {
      changes = planAllocatableRefresh(await storage.allocatableRows(), overcommit);
    } catch (err) {
      log.warn(`allocatable not recomputed: ${describe(err)}`);
      return;
    }
    let written = 0;
    for (const change of changes) {
      if (!this.active) return;
      try {
        const host = await storage.replaceAllocatable(change.id, change.from, change.to);
        if (!host) continue;
        written += 1;
        void publisher.host(hostChangedEvent('UPDATED', host));
      } catch (err) {
        log.warn(`host ${change.id}: allocatable not recomputed: ${describe(err)}`);
      }
    }
    if (written > 0) log.info(`recomputed allocatable of ${written} hosts for overcommit cpu ${overcommit.cpu}, memory ${overcommit.memory}`);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
