// The VM controller: keeps VMs and tasks true to what the agents report. Only the elected
// leader of 'vm-controller' runs it, so one process applies agent events and reconciles,
// however many replicas run. Each term of leadership:
// 1. reads the host list, opens an event watch per host (agents-client reconnects it forever
//    and hands a full listing after each connection), and re-reads the list every
//    reconcileIntervalMs to follow hosts that come and go;
// 2. feeds each host's listings and events, and a reconciliation every reconcileIntervalMs,
//    through one serial lane per host (KeyedSerialQueue), so they apply in order; what the host
//    reports is kept in ObservedVms as they apply, and the reconciliation reads it there
//    (no listing call per round);
// 3. reconciles at once on taking office, and on every listing: tasks left QUEUED or RUNNING
//    by a control plane that died are re-sent (same operation id) or settled;
// 4. on losing leadership, closes every watch and stops writing.
import type { AgentConnector, AgentEvent, EventWatch } from '../../../../agents-client/src';
import { KeyedSerialQueue, type Coordination, type LeaderController, type Leadership } from '../../../platform/src';
import type { AgentTarget, HostSnapshotStorage } from '../data/host-snapshot.storage';
import type { IdempotencyStorage } from '../data/idempotency.storage';
import { describeError, type Logger } from '../services/logger';
import { ObservedVms } from './observed-vms';
import type { VmDispatcher } from './vm-dispatcher';
import type { VmEventHandler } from './vm-event-handler';
import type { VmReconciler } from './vm-reconciler';

/** The election the controller campaigns in. */
export const VM_CONTROLLER_ELECTION = 'vm-controller';

/** Follows agent events and reconciles VMs while leading; stop() closes every watch. */
export type VmController = LeaderController;

export interface VmControllerDeps {
  hosts: Pick<HostSnapshotStorage, 'agentTargets'>;
  idempotency: Pick<IdempotencyStorage, 'pruneExpired'>;
  agents: AgentConnector;
  /** Read at run time only (it may refuse every use while schemas are only composed). */
  coordination: Pick<Coordination, 'election'>;
  reconciler: VmReconciler;
  handler: VmEventHandler;
  dispatcher: Pick<VmDispatcher, 'idle'>;
  log: Logger;
  /** Time between two reconciliation rounds (and host list readings); read when a term begins. */
  intervalMs: () => number;
  electionName?: string;
}

export class LeaderVmController implements VmController {
  private leadership: Leadership | null = null;
  private readonly terms = new Set<ControllerTerm>();

  constructor(private readonly deps: VmControllerDeps) {}

  start(): void {
    if (this.leadership) return;
    this.leadership = this.deps.coordination.election.run(this.deps.electionName ?? VM_CONTROLLER_ELECTION, (signal) => this.lead(signal));
  }

  async stop(): Promise<void> {
    const leadership = this.leadership;
    this.leadership = null;
    await leadership?.stop();
    const terms = [...this.terms];
    for (const term of terms) term.end();
    await Promise.all(terms.map((term) => term.finished()));
    await this.deps.dispatcher.idle();
  }

  isLeading(): boolean {
    return this.leadership?.isLeader() ?? false;
  }

  private async lead(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const term = new ControllerTerm(this.deps);
    this.terms.add(term);
    signal.addEventListener('abort', () => term.end(), { once: true });
    void term.finished().then(() => this.terms.delete(term));
    await term.begin();
  }
}

/** One term of leadership: everything it opens, it closes in end(). */
class ControllerTerm {
  private active = true;
  private readonly watches = new Map<string, { address: string; watch: EventWatch }>();
  private readonly lanes: KeyedSerialQueue;
  private readonly observed = new ObservedVms();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;
  private beginning: Promise<void> = Promise.resolve();
  private ended!: () => void;
  private readonly endedSignal = new Promise<void>((resolve) => (this.ended = resolve));

  constructor(private readonly deps: VmControllerDeps) {
    // A reconcile or resync that finds one of its kind still waiting replaces it: no pile-up behind a slow host.
    this.lanes = new KeyedSerialQueue(new Set(['reconcile', 'resync']), (hostId, job, err) =>
      deps.log.warn(`host ${hostId}: ${job.kind} not applied: ${describeError(err)}`),
    );
  }

  begin(): Promise<void> {
    this.beginning = (async () => {
      this.deps.log.info('leading the VM controller: following agent events and reconciling VMs');
      await this.runRound();
      if (!this.active) return;
      this.timer = setInterval(() => void this.runRound(), this.deps.intervalMs());
      this.timer.unref();
    })();
    return this.beginning;
  }

  end(): void {
    if (!this.active) return;
    this.active = false;
    clearInterval(this.timer);
    for (const { watch } of this.watches.values()) watch.close();
    this.watches.clear();
    this.lanes.clear();
    this.deps.log.info('no longer leading the VM controller: agent watches closed');
    this.ended();
  }

  /** Resolves once ended and nothing this term started is still running. */
  async finished(): Promise<void> {
    await this.endedSignal;
    await this.beginning.catch(() => undefined);
    await this.round;
    await this.lanes.idle();
  }

  /** One round at a time; a round still running when the timer fires is not doubled. */
  private runRound(): Promise<void> {
    if (!this.active || this.round) return this.round ?? Promise.resolve();
    this.round = this.reconcileAll()
      .catch((err: unknown) => this.deps.log.warn(`reconciliation round failed, retrying next round: ${describeError(err)}`))
      .finally(() => (this.round = null));
    return this.round;
  }

  private async reconcileAll(): Promise<void> {
    const targets = await this.deps.hosts.agentTargets();
    if (!this.active) return;
    this.syncWatches(targets);
    for (const target of targets) this.lanes.push(target.id, { kind: 'reconcile', run: () => this.reconcile(target.id) });
    await this.deps.reconciler.sweep(new Set(targets.map((t) => t.id)));
    await this.deps.idempotency.pruneExpired(new Date());
  }

  private syncWatches(targets: readonly AgentTarget[]): void {
    const wanted = new Map(targets.map((t) => [t.id, t]));
    for (const [id, entry] of this.watches) {
      if (wanted.get(id)?.agentAddress === entry.address) continue;
      entry.watch.close();
      this.watches.delete(id);
      this.lanes.push(id, { kind: 'forget', run: async () => this.observed.forget(id) });
    }
    for (const target of targets) if (!this.watches.has(target.id)) this.openWatch(target);
  }

  private reconcile(hostId: string): Promise<void> {
    return this.deps.reconciler.reconcileHost(hostId, this.observed.of(hostId));
  }

  private openWatch(target: AgentTarget): void {
    const { agents, log, handler } = this.deps;
    const id = target.id;
    try {
      const watch = agents.connect(target.agentAddress).watchEvents(
        (event: AgentEvent) => {
          if (!this.active || event.kind === 'heartbeat') return;
          this.lanes.push(id, {
            kind: 'event',
            run: () => {
              this.observed.apply(id, event);
              return handler.onEvent(id, event);
            },
          });
        },
        (vms) => {
          if (!this.active) return;
          this.lanes.push(id, {
            kind: 'resync',
            run: () => {
              this.observed.replace(id, vms);
              return this.reconcile(id);
            },
          });
        },
        {
          onConnectionChange: (change) => {
            if (change.connected) log.info(`host ${target.hostname}: following its agent events`);
            else log.warn(`host ${target.hostname}: event stream lost: ${change.error.message}`);
            // Down: what the host reports is unknown until the next listing.
            if (!change.connected && this.active) this.lanes.push(id, { kind: 'forget', run: async () => this.observed.forget(id) });
          },
          onHandlerError: (err) => log.warn(`host ${target.hostname}: event handler failed: ${describeError(err)}`),
        },
      );
      this.watches.set(target.id, { address: target.agentAddress, watch });
    } catch (err) {
      // Not recorded as watched, so the next round tries again.
      log.warn(`host ${target.hostname}: cannot watch the agent at ${target.agentAddress}: ${describeError(err)}`);
    }
  }
}
