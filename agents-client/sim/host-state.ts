// Saving and restoring one simulated host's hypervisor model, so that a demo fleet
// keeps its guests across a restart of the process it runs in, as real hypervisors
// keep theirs while the control plane restarts. Pure: no I/O here.
//
// Restoring models a new agent process on a hypervisor that never stopped: work the
// old process had in progress is taken to have run to its end (see settleVm), and the
// operation ids it remembered are remembered again, so a control plane that retries
// an operation after its own restart still gets the same answer.
import { VmState } from '../src/generated/limiquantix/agent/v1/agent';
import type { PersistedHost, PersistedOperation, PersistedVm } from './fleet-state.schema';
import type { HypervisorCore, SimOperation, SimVm } from './hypervisor-core';
import type { JournalEntry } from './operation-journal';
import { SimRefusal } from './sim-refusal';

/**
 * Operation ids kept per host: the newest only, which are the ones a restarted control
 * plane retries. The journal in memory holds more; the file stays small.
 */
export const PERSISTED_OPERATIONS_PER_HOST = 1_000;

/** Operations whose whole effect is the VM's state, so settleVm can finish them. */
const LIFECYCLE: ReadonlySet<SimOperation> = new Set(['CreateVm', 'StartVm', 'StopVm', 'RebootVm', 'DeleteVm']);

const { VM_STATE_STOPPED: STOPPED, VM_STATE_RUNNING: RUNNING, VM_STATE_FAILED: FAILED } = VmState;

export function captureHost(core: HypervisorCore): Pick<PersistedHost, 'vms' | 'operations'> {
  const vms = [...core.vms.values()].map((vm) => captureVm(core, vm));
  const operations = core.journal.recent(PERSISTED_OPERATIONS_PER_HOST).map(([operationId, entry]) => captureOperation(operationId, entry));
  return { vms, operations };
}

/**
 * Where a saved VM stands once the work it was busy with has run to its end;
 * undefined when that end is the VM gone from this host. The policy:
 * - a lifecycle operation (create, start, stop, reboot, delete) armed with an injected
 *   failure: FAILED with its message, as it would have ended;
 * - STARTING: RUNNING; STOPPING: STOPPED, or RUNNING in the middle of a reboot;
 * - MIGRATING at the source: RUNNING (the handover never happened; the guest kept
 *   running here, as after a failed migration);
 * - MIGRATING at the target (a prepared incoming VM): gone, as after a power loss,
 *   since its source will never send it;
 * - DELETING and DELETED: gone;
 * - STOPPED, RUNNING and FAILED (with its error) unchanged; a snapshot, volume or NIC
 *   change in progress is not applied (see restoreHost).
 */
export function settleVm(vm: PersistedVm): { state: VmState; error: string } | undefined {
  if (vm.incomingToken !== undefined) return undefined;
  const op = vm.inFlight;
  if (op?.failure && LIFECYCLE.has(op.kind)) return { state: FAILED, error: op.failure };
  const state = VmState[vm.state];
  switch (state) {
    case VmState.VM_STATE_STARTING:
    case VmState.VM_STATE_MIGRATING:
      return { state: RUNNING, error: '' };
    case VmState.VM_STATE_STOPPING:
      return { state: op?.kind === 'RebootVm' ? RUNNING : STOPPED, error: '' };
    case VmState.VM_STATE_DELETING:
    case VmState.VM_STATE_DELETED:
      return undefined;
    case VmState.VM_STATE_UNSPECIFIED: // only between two steps of one call; never seen saved
      return { state: STOPPED, error: '' };
    default:
      return { state, error: state === FAILED ? vm.error : '' };
  }
}

/**
 * Puts a saved host into `core`, a fresh model that has not served yet. Remembered
 * operations come back finished; one that was in progress comes back finished when
 * settleVm finished it (a lifecycle operation), and is forgotten otherwise (a device
 * change or an outgoing migration), so that a retry with its id runs it again, as
 * after an agent crash.
 */
export function restoreHost(core: HypervisorCore, saved: Pick<PersistedHost, 'vms' | 'operations'>): void {
  const finished = new Set<string>();
  const abandonedIncoming = new Set<string>();
  for (const vm of saved.vms) {
    if (vm.inFlight && LIFECYCLE.has(vm.inFlight.kind)) finished.add(vm.inFlight.operationId);
    const settled = settleVm(vm);
    if (!settled) {
      if (vm.incomingToken !== undefined) abandonedIncoming.add(vm.spec.vmId);
      continue;
    }
    core.vms.set(vm.spec.vmId, {
      spec: vm.spec,
      ...settled,
      snapshots: new Map(vm.snapshots.map(({ snapshotId, name, disks }) => [snapshotId, { name, disks }])),
      rules: new Map(vm.rules.map(({ macAddress, rules }) => [macAddress, rules])),
      load: vm.load,
      incomingToken: undefined,
      busyWith: undefined,
    });
  }
  for (const op of saved.operations) {
    if (op.phase === 'accepted' && !finished.has(op.operationId)) continue;
    // The token a retried PrepareMigration would hand out again names an incoming VM that is gone.
    if ([...abandonedIncoming].some((vmId) => op.fingerprint.startsWith(`PrepareMigration ${vmId} `))) continue;
    core.journal.record(op.operationId, restoreOperation(op));
  }
}

function captureVm(core: HypervisorCore, vm: SimVm): PersistedVm {
  const op = vm.busyWith === undefined ? undefined : core.operationInProgress(vm.busyWith);
  return {
    spec: vm.spec,
    // The enum's names are VM_STATE_NAMES; UNRECOGNIZED is never assigned by the model.
    state: VmState[vm.state] as PersistedVm['state'],
    error: vm.error,
    snapshots: [...vm.snapshots].map(([snapshotId, { name, disks }]) => ({ snapshotId, name, disks })),
    rules: [...vm.rules].map(([macAddress, rules]) => ({ macAddress, rules })),
    load: vm.load,
    ...(vm.incomingToken === undefined ? {} : { incomingToken: vm.incomingToken }),
    ...(op ? { inFlight: { operationId: op.id, kind: op.kind, ...(op.failure === undefined ? {} : { failure: op.failure }) } } : {}),
  };
}

function captureOperation(operationId: string, entry: JournalEntry): PersistedOperation {
  const base = { operationId, fingerprint: entry.fingerprint, phase: entry.phase };
  return entry.outcome === 'ok'
    ? { ...base, outcome: 'ok', response: entry.response }
    : { ...base, outcome: 'refused', refusal: { code: entry.refusal.code, message: entry.refusal.message } };
}

function restoreOperation(op: PersistedOperation): JournalEntry {
  const base = { fingerprint: op.fingerprint, phase: 'done' as const };
  return op.outcome === 'ok'
    ? { ...base, outcome: 'ok', response: op.response }
    : { ...base, outcome: 'refused', refusal: new SimRefusal(op.refusal.code, op.refusal.message) };
}
