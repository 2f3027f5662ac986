// The simulated hypervisor's state and the plumbing every operation shares:
// idempotent acceptance by operation id, injected faults, timers that a crash
// can abandon, state events and usage. The operations themselves live in
// vm-lifecycle.ts, vm-devices.ts and vm-migration.ts.
import {
  VmState,
  type Disk,
  type Heartbeat,
  type SecurityGroupRule,
  type VmSpec,
  type VmStatus,
} from '../src/generated/limiquantix/agent/v1/agent';
import type { EventBus } from './event-bus';
import type { LatencyKind, LatencyModel } from './latency-model';
import { OperationJournal } from './operation-journal';
import type { SeededRandom } from './seeded-random';
import { SimRefusal } from './sim-refusal';

export const SIM_OPERATIONS = [
  'CreateVm',
  'StartVm',
  'StopVm',
  'RebootVm',
  'DeleteVm',
  'PrepareMigration',
  'SendMigration',
  'CreateSnapshot',
  'RevertSnapshot',
  'DeleteSnapshot',
  'AttachVolume',
  'DetachVolume',
  'ConfigureNic',
] as const;

export type SimOperation = (typeof SIM_OPERATIONS)[number];

/**
 * An armed fault. `fail`: the operation is accepted, then fails (lifecycle
 * operations leave the VM FAILED with the message). `reject`: the call itself is
 * refused with ABORTED and nothing changes.
 */
export interface InjectedFault {
  operation: SimOperation | undefined;
  message: string;
  mode: 'fail' | 'reject';
}

export interface HostProfile {
  hostId: string;
  hostname: string;
  vcpus: number;
  memoryMib: number;
}

export interface SimVm {
  spec: VmSpec;
  state: VmState;
  error: string;
  snapshots: Map<string, { name: string; disks: Disk[] }>;
  rules: Map<string, SecurityGroupRule[]>;
  /** Share of its vcpus the guest keeps busy while running; drives cpu_percent. */
  load: number;
  /** Target side of a migration: the token the source must present. */
  incomingToken: string | undefined;
  /** The operation in progress on this VM, if any. */
  busyWith: string | undefined;
}

export interface Operation {
  id: string;
  kind: SimOperation;
  vmId: string;
  /** Set when a `fail` fault was armed for this operation. */
  failure: string | undefined;
}

interface Pending {
  operation: Operation;
  timers: Set<NodeJS.Timeout>;
  /** Undoes what the operation started; used when the agent crashes mid-way. */
  rollback: () => void;
}

/** States in which a VM holds its memory on the host. */
const MEMORY_HOLDING = new Set([VmState.VM_STATE_STARTING, VmState.VM_STATE_RUNNING, VmState.VM_STATE_STOPPING, VmState.VM_STATE_MIGRATING]);

export class HypervisorCore {
  readonly vms = new Map<string, SimVm>();
  private readonly pending = new Map<string, Pending>();
  /** Public for host-state.ts, which saves and restores it with the VMs. */
  readonly journal = new OperationJournal();
  private faults: InjectedFault[] = [];

  /** `changed` is called after every change a saved copy of this host would miss (default: none). */
  constructor(
    readonly profile: HostProfile,
    readonly events: EventBus,
    readonly random: SeededRandom,
    private readonly latencies: LatencyModel,
    private readonly changed: () => void = () => undefined,
  ) {}

  latency(kind: LatencyKind): number {
    return this.latencies.duration(kind);
  }

  injectFault(fault: InjectedFault): void {
    this.faults.push(fault);
  }

  /**
   * Runs `action` once per operation id. A repeated id with the same request gets
   * the first answer again (response or refusal); with another request it is
   * refused. `action` validates (throwing SimRefusal) before changing anything.
   */
  accept(kind: SimOperation, operationId: string, vmId: string, detail: string, action: (op: Operation) => Record<string, string> | void): Record<string, string> {
    if (!operationId) throw new SimRefusal('INVALID_ARGUMENT', 'operation_id is required');
    if (!vmId) throw new SimRefusal('INVALID_ARGUMENT', 'vm_id is required');
    const fingerprint = `${kind} ${vmId} ${detail}`;
    const known = this.journal.get(operationId);
    if (known) {
      if (known.fingerprint !== fingerprint) {
        throw new SimRefusal('INVALID_ARGUMENT', `operation ${operationId} was used for another request (${known.fingerprint})`);
      }
      if (known.outcome === 'refused') throw known.refusal;
      return known.response;
    }
    const faultIndex = this.faults.findIndex((fault) => fault.operation === undefined || fault.operation === kind);
    const fault = this.faults[faultIndex];
    try {
      if (fault?.mode === 'reject') {
        this.faults.splice(faultIndex, 1);
        throw new SimRefusal('ABORTED', fault.message);
      }
      const response = action({ id: operationId, kind, vmId, failure: fault?.message }) ?? {};
      if (fault) this.faults.splice(faultIndex, 1); // consumed only by an accepted operation
      const phase = this.pending.has(operationId) ? 'accepted' : 'done';
      this.journal.record(operationId, { fingerprint, phase, outcome: 'ok', response });
      this.changed();
      return response;
    } catch (error) {
      if (error instanceof SimRefusal) {
        this.journal.record(operationId, { fingerprint, phase: 'done', outcome: 'refused', refusal: error });
        this.changed();
      }
      throw error;
    }
  }

  /** The VM, or NOT_FOUND. */
  vm(vmId: string): SimVm {
    const vm = this.vms.get(vmId);
    if (!vm) throw new SimRefusal('NOT_FOUND', `VM ${vmId} is not on host ${this.profile.hostname}`);
    return vm;
  }

  /** The VM if it is idle and in one of `states`, else FAILED_PRECONDITION. */
  idleVm(vmId: string, states: VmState[], action: string): SimVm {
    const vm = this.vm(vmId);
    if (vm.busyWith) throw new SimRefusal('FAILED_PRECONDITION', `VM ${vmId} is busy with operation ${vm.busyWith}`);
    if (!states.includes(vm.state)) {
      throw new SimRefusal('FAILED_PRECONDITION', `cannot ${action} VM ${vmId} in state ${VmState[vm.state]}`);
    }
    return vm;
  }

  requireMemory(memoryMib: number): void {
    const free = this.profile.memoryMib - this.usedMemoryMib();
    if (memoryMib > free) {
      throw new SimRefusal('RESOURCE_EXHAUSTED', `host ${this.profile.hostname} has ${free} MiB free, VM needs ${memoryMib} MiB`);
    }
  }

  newVm(spec: VmSpec, state: VmState): SimVm {
    const vm: SimVm = {
      spec,
      state,
      error: '',
      snapshots: new Map(),
      rules: new Map(),
      load: this.random.between(0.1, 0.6),
      incomingToken: undefined,
      busyWith: undefined,
    };
    this.vms.set(spec.vmId, vm);
    return vm;
  }

  /** Marks `op` in progress on `vm`; `rollback` restores the VM if the agent crashes first. */
  begin(op: Operation, vm: SimVm, rollback?: () => void): void {
    const before = { state: vm.state, error: vm.error };
    vm.busyWith = op.id;
    this.pending.set(op.id, {
      operation: op,
      timers: new Set(),
      rollback: rollback ?? (() => Object.assign(vm, before)),
    });
  }

  /** The operation `operationId` if it is still in progress. */
  operationInProgress(operationId: string): Operation | undefined {
    return this.pending.get(operationId)?.operation;
  }

  /** Runs `step` after `ms`, unless the agent crashes first. */
  after(op: Operation, ms: number, step: () => void): void {
    const pending = this.pending.get(op.id);
    if (!pending) throw new Error(`operation ${op.id} was not begun`);
    const timer = setTimeout(() => {
      pending.timers.delete(timer);
      step();
    }, ms);
    pending.timers.add(timer);
  }

  setState(vm: SimVm, state: VmState, operationId: string, error = ''): void {
    const previousState = vm.state;
    vm.state = state;
    vm.error = state === VmState.VM_STATE_FAILED ? error : '';
    this.events.emit({ $case: 'vmState', value: { vmId: vm.spec.vmId, state, previousState, operationId, error } });
    this.changed();
  }

  /** Ends `op`: frees the VM and reports the outcome (failed when `error` or the injected failure is set). */
  finish(op: Operation, vm: SimVm | undefined, error = op.failure ?? ''): void {
    if (vm && vm.busyWith === op.id) vm.busyWith = undefined;
    this.pending.delete(op.id);
    this.journal.markDone(op.id);
    this.events.emit({ $case: 'operation', value: { operationId: op.id, vmId: op.vmId, succeeded: !error, error } });
    this.changed();
  }

  /** The agent process died: abandon work in progress and forget it, so retries redo it. */
  crash(): void {
    for (const pending of this.pending.values()) {
      for (const timer of pending.timers) clearTimeout(timer);
      pending.rollback();
    }
    this.pending.clear();
    for (const vm of this.vms.values()) vm.busyWith = undefined;
    this.journal.forgetUnfinished();
    this.changed();
  }

  /** The host lost power: guests are off, incoming migrations are gone. */
  powerLoss(): void {
    for (const [vmId, vm] of this.vms) {
      if (vm.incomingToken) this.vms.delete(vmId);
      else if (vm.state !== VmState.VM_STATE_FAILED) vm.state = VmState.VM_STATE_STOPPED;
    }
    this.changed();
  }

  usedMemoryMib(): number {
    let used = 0;
    for (const vm of this.vms.values()) if (MEMORY_HOLDING.has(vm.state)) used += vm.spec.memoryMib;
    return used;
  }

  /** Usage for a heartbeat: follows the running VMs, plus a little seeded noise. */
  usage(heartbeatIntervalMs: number): Heartbeat {
    let busyVcpus = 0;
    let running = 0;
    for (const vm of this.vms.values()) {
      if (vm.state !== VmState.VM_STATE_RUNNING) continue;
      running += 1;
      busyVcpus += vm.spec.vcpus * vm.load * this.random.between(0.8, 1.2);
    }
    const clamp = (value: number) => Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;
    const hypervisorOverheadPercent = 2;
    return {
      cpuPercent: clamp(this.random.between(0.5, 3) + (busyVcpus / this.profile.vcpus) * 100),
      memoryPercent: clamp(hypervisorOverheadPercent + this.random.between(-0.3, 0.3) + (this.usedMemoryMib() / this.profile.memoryMib) * 100),
      vmCount: this.vms.size,
      runningVmCount: running,
      heartbeatIntervalMs: heartbeatIntervalMs,
    };
  }

  status(vm: SimVm): VmStatus {
    return {
      vmId: vm.spec.vmId,
      name: vm.spec.name,
      state: vm.state,
      vcpus: vm.spec.vcpus,
      memoryMib: vm.spec.memoryMib,
      volumeIds: vm.spec.disks.map((disk) => disk.volumeId),
      snapshotIds: [...vm.snapshots.keys()],
      macAddresses: vm.spec.nics.map((nic) => nic.macAddress),
      error: vm.error,
    };
  }
}
