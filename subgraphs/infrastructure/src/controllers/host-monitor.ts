// The host monitor: follows every host's agent and turns its heartbeats, and their absence,
// into the host's phase and usage. Policy (domain/host-health.ts): each heartbeat renews the
// host's lease and records its usage; a lease that runs out (failureThreshold beats missed)
// fails the host; a heartbeat after that recovers it.
//
// Only the elected leader of 'host-monitor' runs it, so one process writes heartbeats and
// marks failures however many replicas run. Each term of leadership:
// 1. recomputes every host's allocatable with the configured overcommit (it may have changed);
// 2. opens an event watch per host (agents-client reconnects it forever), and keeps the set
//    current by re-reading the host list every resyncIntervalMs and on each host CREATED or
//    DELETED event;
// 3. grants a lease to every watched host that should be heartbeating but holds none (after a
//    restart or a failover): a restart gives hosts one TTL of grace, it never fails them all;
// 4. on losing leadership, closes every watch and stops writing.
// A failure concerning one host is logged and retried; it never stops the others.

import type { AgentConnector } from '../../../../agents-client/src';
import type { ChangePublisher, Coordination, EventBus, LeaderController, Leadership } from '../../../platform/src';
import type { HostStorage } from '../data/host.storage';
import { allocatableOf, type OvercommitRatios } from '../domain/host';
import { leaseTtlMs, type HeartbeatPolicy } from '../domain/host-health';
import type { Logger } from '../services/logger';
import { MonitorTerm } from './monitor-term';

export { DEFAULT_RESYNC_INTERVAL_MS } from './monitor-term';

/** The election the monitor campaigns in. */
export const HOST_MONITOR_ELECTION = 'host-monitor';

/** Follows host heartbeats while leading; stop() closes every watch and waits for writes. */
export type HostMonitor = LeaderController;

export interface HostMonitorDeps {
  storage: Pick<HostStorage, 'watchTargets' | 'allocatableRows' | 'replaceAllocatable' | 'recordHeartbeat' | 'transitionPhase'>;
  agents: AgentConnector;
  /** Read at run time only (its accessors may be unusable while schemas are only composed). */
  coordination: Pick<Coordination, 'election' | 'leases'>;
  events: EventBus;
  publisher: ChangePublisher;
  heartbeat: HeartbeatPolicy;
  overcommit: OvercommitRatios;
  log: Logger;
  /** Time between two readings of the host list; default DEFAULT_RESYNC_INTERVAL_MS (2 s). */
  resyncIntervalMs?: number;
  /** The election to campaign in; default HOST_MONITOR_ELECTION. Tests sharing an etcd use their own. */
  electionName?: string;
}

export class HeartbeatHostMonitor implements HostMonitor {
  private leadership: Leadership | null = null;
  private readonly terms = new Set<MonitorTerm>();

  constructor(private readonly deps: HostMonitorDeps) {
    // A bad policy or ratio is a configuration bug: fail at start-up.
    leaseTtlMs(deps.heartbeat);
    allocatableOf({ vcpus: 1, memoryMib: 1 }, deps.overcommit);
  }

  start(): void {
    if (this.leadership) return;
    this.leadership = this.deps.coordination.election.run(this.deps.electionName ?? HOST_MONITOR_ELECTION, (signal) => this.lead(signal));
  }

  async stop(): Promise<void> {
    const leadership = this.leadership;
    this.leadership = null;
    await leadership?.stop();
    const terms = [...this.terms];
    for (const term of terms) term.end();
    await Promise.all(terms.map((term) => term.finished()));
  }

  isLeading(): boolean {
    return this.leadership?.isLeader() ?? false;
  }

  private async lead(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const term = new MonitorTerm(this.deps);
    this.terms.add(term);
    signal.addEventListener('abort', () => term.end(), { once: true });
    void term.finished().then(() => this.terms.delete(term));
    // What fails in begin() is retried by the term's periodic resync; log it and lead on.
    await term.begin().catch((err: unknown) => this.deps.log.warn(`host monitor start incomplete: ${err instanceof Error ? err.message : String(err)}`));
  }
}
