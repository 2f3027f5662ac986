// The VM reconciler, after KubeVirt's VM controller: for each VM of a host, load what the
// database wants and the task in flight, take what the host reports (ObservedVms, kept from
// its event stream), call the pure planActions, and apply its actions. Every VM write is
// guarded by the generation that was read: whatever changed the VM meanwhile (a mutation, the
// dispatcher) wins, and this round's plan for it is dropped. Failures are logged per VM,
// recorded as its stateReason where an operator should see them, and retried with backoff;
// one VM never stops the others.
import { InvalidStateError, NotFoundError } from '../../../platform/src';
import type { TaskProgressStorage } from '../data/task-progress.storage';
import type { VmStatusStorage } from '../data/vm-status.storage';
import { backoffMs, type BackoffPolicy } from '../domain/backoff';
import { planActions, type ObservedVm, type ReconcileAction } from '../domain/reconcile-plan';
import type { VirtualMachine } from '../domain/virtual-machine';
import type { VmTask } from '../domain/vm-task';
import { describeError, type Logger } from '../services/logger';
import { desiredStateOf, type VmOperations } from '../services/vm-operations';
import type { VmStatusService } from '../services/vm-status.service';
import type { HostListing } from './observed-vms';
import type { VmDispatcher } from './vm-dispatcher';

export interface ReconcilerSettings {
  taskTimeoutMs: number;
  /** See PlanContext.settleGraceMs. */
  settleGraceMs: number;
  /** Between re-sends of one task. */
  sendBackoff: BackoffPolicy;
  /** Between the reconciler's own starts or stops of one VM. */
  correctionBackoff: BackoffPolicy;
}

export interface VmReconcilerDeps {
  vms: Pick<VmStatusStorage, 'onHost' | 'orphaned'>;
  tasks: Pick<TaskProgressStorage, 'activeForVms' | 'latestForVms' | 'allActive'>;
  status: VmStatusService;
  operations: VmOperations;
  dispatcher: Pick<VmDispatcher, 'send'>;
  log: Logger;
  /** Read on each round (configuration may be supplied late). */
  settings: () => ReconcilerSettings;
  now?: () => Date;
}

interface Attempts {
  count: number;
  nextAt: number;
}

function observedIn(listing: HostListing | null, vmId: string): ObservedVm {
  if (!listing) return { kind: 'unknown' };
  return listing.get(vmId) ?? { kind: 'absent' };
}

export class VmReconciler {
  private readonly sends = new Map<string, Attempts>();
  private readonly corrections = new Map<string, Attempts>();
  private readonly now: () => Date;

  constructor(private readonly deps: VmReconcilerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Reconciles every VM of the host against what it reports (null: unknown, its stream is down). */
  async reconcileHost(hostId: string, listing: HostListing | null): Promise<void> {
    const vms = await this.deps.vms.onHost(hostId);
    if (vms.length === 0) return;
    const ids = vms.map((vm) => vm.id);
    const [tasks, latest] = await Promise.all([this.deps.tasks.activeForVms(ids), this.deps.tasks.latestForVms(ids)]);
    for (const vm of vms) {
      try {
        await this.reconcileVm(vm, observedIn(listing, vm.id), tasks.get(vm.id) ?? null, latest.get(vm.id)?.kind === 'VM_DELETE');
      } catch (err) {
        this.deps.log.warn(`VM ${vm.name} (${vm.id}): not reconciled, retrying: ${describeError(err)}`);
      }
    }
  }

  /**
   * Tasks and VMs no host reconciliation reaches: tasks on hosts that were removed (or of VMs
   * that are gone), and VMs whose host was removed. The dispatcher settles such tasks.
   */
  async sweep(knownHostIds: ReadonlySet<string>): Promise<void> {
    const { tasks, vms, status, dispatcher } = this.deps;
    const active = await tasks.allActive();
    this.forgetFinished(new Set(active.map((t) => t.id)));
    const stray = active.filter((t) => !t.hostId || !knownHostIds.has(t.hostId));
    await Promise.all(stray.map((t) => dispatcher.send(t.id)));
    const busy = new Set(stray.map((t) => t.targetId));
    for (const vm of await vms.orphaned()) {
      if (!busy.has(vm.id)) await status.observe(vm.id, 'FAILED', "the VM's host was removed", { generation: vm.generation });
    }
  }

  private async reconcileVm(vm: VirtualMachine, observed: ObservedVm, task: VmTask | null, deletionRequested: boolean): Promise<void> {
    const settings = this.deps.settings();
    const now = this.now();
    if (observed.kind === 'present' && observed.state === vm.desiredState) this.corrections.delete(vm.id);
    const actions = planActions({ state: vm.state, desiredState: desiredStateOf(vm), deletionRequested }, observed, task, {
      now,
      taskTimeoutMs: settings.taskTimeoutMs,
      settleGraceMs: settings.settleGraceMs,
      sendDue: task ? this.sendDue(task, now, settings) : false,
      correctionDue: this.due(this.corrections, vm.id, now),
    });
    let current: VirtualMachine | null = vm;
    for (const action of actions) {
      current = await this.apply(action, current, task, settings);
      if (!current) return; // the VM changed, or is gone: the rest of the plan is stale
    }
  }

  /** Applies one action; returns the VM as it now is, or null to drop the rest of the plan. */
  private async apply(action: ReconcileAction, vm: VirtualMachine, task: VmTask | null, settings: ReconcilerSettings): Promise<VirtualMachine | null> {
    const { status, dispatcher, log } = this.deps;
    const guard = { generation: vm.generation };
    switch (action.kind) {
      case 'send-task':
        this.attempted(this.sends, action.taskId, settings.sendBackoff);
        void dispatcher.send(action.taskId);
        return vm;
      case 'succeed-task': {
        // The VM first: whoever sees the task SUCCEEDED finds the VM at its target.
        this.sends.delete(action.taskId);
        const updated = vm.state === action.vmState ? vm : await status.observe(vm.id, action.vmState, null, guard);
        if (!updated) return null;
        return (await status.finishTask(action.taskId, { state: 'SUCCEEDED' })) ? updated : null;
      }
      case 'fail-task':
        this.sends.delete(action.taskId);
        log.warn(`VM ${vm.name} (${vm.id}): task ${task?.kind ?? ''} ${action.taskId} failed: ${action.message}`);
        if (!(await status.finishTask(action.taskId, { state: 'FAILED', code: action.code, message: action.message }))) return null;
        return (await status.observe(vm.id, action.vmState, action.message, guard)) ?? vm;
      case 'finalize-delete':
        if (action.taskId) this.sends.delete(action.taskId);
        await status.finalizeDeletion(vm.id);
        return null;
      case 'observe':
        return status.observe(vm.id, action.state, action.reason, guard);
      case 'start-vm':
      case 'stop-vm':
        return this.correct(vm, action.kind === 'start-vm' ? 'start' : 'stop', settings);
    }
  }

  /** Starts or stops the VM towards its desiredState with a task of its own ('reconciler'). */
  private async correct(vm: VirtualMachine, op: 'start' | 'stop', settings: ReconcilerSettings): Promise<VirtualMachine | null> {
    const attempt = this.attempted(this.corrections, vm.id, settings.correctionBackoff);
    try {
      const { vm: updated, task } = await this.deps.operations.begin(vm.id, op, { force: false }, 'reconciler', vm.generation);
      this.deps.log.info(`VM ${vm.name} (${vm.id}) should be ${vm.desiredState}: ${task.kind} ${task.id} (attempt ${attempt})`);
      return updated;
    } catch (err) {
      // Changed or gone meanwhile (a newer plan will tell), or refused by the state machine: not an error.
      if (err instanceof InvalidStateError || err instanceof NotFoundError) return null;
      await this.deps.status.setReason(vm.id, `reconciler could not ${op} the VM (attempt ${attempt}), retrying: ${describeError(err)}`);
      throw err;
    }
  }

  /** Drops the backoff of tasks no longer active, and of corrections long past. */
  private forgetFinished(activeTaskIds: ReadonlySet<string>): void {
    for (const id of this.sends.keys()) if (!activeTaskIds.has(id)) this.sends.delete(id);
    const stale = this.now().getTime() - 60 * 60 * 1000;
    for (const [id, entry] of this.corrections) if (entry.nextAt < stale) this.corrections.delete(id);
  }

  /**
   * A task the reconciler has not sent yet is left to whoever created it (the mutation sends
   * at once) for one backoff step; older, it was orphaned (its process died) and is sent now.
   */
  private sendDue(task: VmTask, now: Date, settings: ReconcilerSettings): boolean {
    if (this.sends.has(task.id)) return this.due(this.sends, task.id, now);
    return now.getTime() - (task.startedAt ?? task.createdAt).getTime() >= settings.sendBackoff.initialMs;
  }

  private due(map: Map<string, Attempts>, key: string, now: Date): boolean {
    const entry = map.get(key);
    return !entry || now.getTime() >= entry.nextAt;
  }

  private attempted(map: Map<string, Attempts>, key: string, policy: BackoffPolicy): number {
    const count = (map.get(key)?.count ?? 0) + 1;
    map.set(key, { count, nextAt: this.now().getTime() + backoffMs(count, policy) });
    return count;
  }
}
