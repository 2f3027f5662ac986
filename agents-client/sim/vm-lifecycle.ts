// Create, start, stop, reboot and delete: the VM state machine of one host.
// Each method validates at once (refusing with a SimRefusal), then moves the VM
// through its states on timers, ending with an OperationCompleted event.
import { VmState, type VmSpec } from '../src/generated/limiquantix/agent/v1/agent';
import type { HypervisorCore, Operation, SimVm } from './hypervisor-core';
import { SimRefusal } from './sim-refusal';

const { VM_STATE_STOPPED: STOPPED, VM_STATE_STARTING: STARTING, VM_STATE_RUNNING: RUNNING } = VmState;
const { VM_STATE_STOPPING: STOPPING, VM_STATE_FAILED: FAILED, VM_STATE_DELETING: DELETING } = VmState;
const { VM_STATE_DELETED: DELETED, VM_STATE_MIGRATING: MIGRATING } = VmState;

export function validateSpec(spec: VmSpec | undefined): VmSpec {
  if (!spec) throw new SimRefusal('INVALID_ARGUMENT', 'spec is required');
  if (!spec.vmId) throw new SimRefusal('INVALID_ARGUMENT', 'spec.vm_id is required');
  if (spec.vcpus < 1) throw new SimRefusal('INVALID_ARGUMENT', 'spec.vcpus must be at least 1');
  if (spec.memoryMib < 1) throw new SimRefusal('INVALID_ARGUMENT', 'spec.memory_mib must be at least 1');
  return spec;
}

export class VmLifecycle {
  constructor(private readonly core: HypervisorCore) {}

  createVm(operationId: string, requested: VmSpec | undefined, start: boolean): Record<string, string> {
    const spec = validateSpec(requested);
    return this.core.accept('CreateVm', operationId, spec.vmId, `start=${start}`, (op) => {
      if (this.core.vms.has(spec.vmId)) throw new SimRefusal('ALREADY_EXISTS', `VM ${spec.vmId} already exists`);
      if (start) this.core.requireMemory(spec.memoryMib);
      // Defined at once; provisioning its disks takes the create latency.
      const vm = this.core.newVm(spec, VmState.VM_STATE_UNSPECIFIED);
      this.core.begin(op, vm, () => this.core.vms.delete(spec.vmId));
      this.core.setState(vm, STOPPED, op.id);
      if (start) this.core.setState(vm, STARTING, op.id);
      const duration = this.core.latency('create') + (start ? this.core.latency('start') : 0);
      this.core.after(op, duration, () => {
        if (op.failure) this.core.setState(vm, FAILED, op.id, op.failure);
        else if (start) this.core.setState(vm, RUNNING, op.id);
        this.core.finish(op, vm);
      });
    });
  }

  startVm(operationId: string, vmId: string): Record<string, string> {
    return this.core.accept('StartVm', operationId, vmId, '', (op) => {
      const vm = this.core.idleVm(vmId, [STOPPED, FAILED], 'start');
      this.core.requireMemory(vm.spec.memoryMib);
      this.core.begin(op, vm);
      this.core.setState(vm, STARTING, op.id);
      this.core.after(op, this.core.latency('start'), () => this.settle(op, vm, RUNNING));
    });
  }

  stopVm(operationId: string, vmId: string, force: boolean): Record<string, string> {
    return this.core.accept('StopVm', operationId, vmId, `force=${force}`, (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED], 'stop');
      this.core.begin(op, vm);
      if (vm.state === STOPPED) {
        this.core.finish(op, vm, ''); // already there: nothing to do, nothing to fail
        return;
      }
      this.core.setState(vm, STOPPING, op.id);
      this.core.after(op, this.core.latency(force ? 'forceStop' : 'stop'), () => this.settle(op, vm, STOPPED));
    });
  }

  rebootVm(operationId: string, vmId: string): Record<string, string> {
    return this.core.accept('RebootVm', operationId, vmId, '', (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING], 'reboot');
      this.core.begin(op, vm);
      this.core.setState(vm, STOPPING, op.id);
      this.core.after(op, this.core.latency('stop'), () => {
        this.core.setState(vm, STARTING, op.id);
        this.core.after(op, this.core.latency('start'), () => this.settle(op, vm, RUNNING));
      });
    });
  }

  deleteVm(operationId: string, vmId: string): Record<string, string> {
    return this.core.accept('DeleteVm', operationId, vmId, '', (op) => {
      const vm = this.core.vm(vmId);
      // An incoming migration that will never complete is abandoned by deleting it.
      const states = vm.incomingToken ? [MIGRATING] : [STOPPED, RUNNING, FAILED];
      this.core.idleVm(vmId, states, 'delete');
      const wasRunning = vm.state === RUNNING || vm.state === MIGRATING;
      this.core.begin(op, vm);
      this.core.setState(vm, DELETING, op.id);
      const duration = this.core.latency('delete') + (wasRunning ? this.core.latency('forceStop') : 0);
      this.core.after(op, duration, () => {
        if (op.failure) {
          this.core.setState(vm, FAILED, op.id, op.failure);
        } else {
          this.core.vms.delete(vmId);
          this.core.setState(vm, DELETED, op.id);
        }
        this.core.finish(op, vm);
      });
    });
  }

  /** The last step of an operation: the target state, or FAILED with the injected message. */
  private settle(op: Operation, vm: SimVm, target: VmState): void {
    if (op.failure) this.core.setState(vm, FAILED, op.id, op.failure);
    else this.core.setState(vm, target, op.id);
    this.core.finish(op, vm);
  }
}
