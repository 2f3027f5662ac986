// Live migration between simulated hosts. The target prepares an incoming VM
// (MIGRATING, memory reserved) and hands out a token; the source, told to send,
// goes MIGRATING and after the migrate latency hands the VM over. Hosts of one
// fleet reach each other in-process through `MigrationNetwork` instead of a real
// agent-to-agent connection; a crashed or hung target counts as unreachable.
import { VmState, type VmSpec } from '../src/generated/limiquantix/agent/v1/agent';
import type { HypervisorCore, SimVm } from './hypervisor-core';
import { SimRefusal } from './sim-refusal';
import { validateSpec } from './vm-lifecycle';

/** Finds the migration endpoint of a reachable host by its address. */
export type MigrationNetwork = (address: string) => VmMigration | undefined;

export class VmMigration {
  constructor(
    private readonly core: HypervisorCore,
    private readonly network: MigrationNetwork,
  ) {}

  prepareMigration(operationId: string, requested: VmSpec | undefined, sourceHostId: string): Record<string, string> {
    const spec = validateSpec(requested);
    return this.core.accept('PrepareMigration', operationId, spec.vmId, sourceHostId, (op) => {
      if (this.core.vms.has(spec.vmId)) throw new SimRefusal('ALREADY_EXISTS', `VM ${spec.vmId} already exists`);
      this.core.requireMemory(spec.memoryMib);
      const vm = this.core.newVm(spec, VmState.VM_STATE_UNSPECIFIED);
      const migrationToken = this.core.random.hex(16);
      vm.incomingToken = migrationToken;
      this.core.setState(vm, VmState.VM_STATE_MIGRATING, op.id);
      if (op.failure) {
        vm.incomingToken = undefined;
        this.core.setState(vm, VmState.VM_STATE_FAILED, op.id, op.failure);
      }
      this.core.finish(op, vm);
      return { migrationToken };
    });
  }

  sendMigration(operationId: string, vmId: string, targetAddress: string, token: string): Record<string, string> {
    return this.core.accept('SendMigration', operationId, vmId, targetAddress, (op) => {
      if (!targetAddress) throw new SimRefusal('INVALID_ARGUMENT', 'target_address is required');
      const vm = this.core.idleVm(vmId, [VmState.VM_STATE_RUNNING], 'migrate');
      this.core.begin(op, vm);
      this.core.setState(vm, VmState.VM_STATE_MIGRATING, op.id);
      this.core.after(op, this.core.latency('migrate'), () => {
        const error = op.failure ?? this.handOver(vm, targetAddress, token, op.id);
        if (error) {
          // The guest never stopped running here: back to RUNNING, with the reason.
          this.core.setState(vm, VmState.VM_STATE_RUNNING, op.id, error);
          this.core.finish(op, vm, error);
        } else {
          this.core.vms.delete(vmId);
          this.core.setState(vm, VmState.VM_STATE_DELETED, op.id);
          this.core.finish(op, vm, '');
        }
      });
    });
  }

  /** Target side: the source has sent everything. Returns why it cannot take the VM, if it cannot. */
  receive(vmId: string, token: string, operationId: string): string | undefined {
    const vm = this.core.vms.get(vmId);
    if (!vm?.incomingToken) return `target ${this.core.profile.hostname} has no incoming migration of VM ${vmId}`;
    if (vm.incomingToken !== token) return `migration token for VM ${vmId} does not match`;
    vm.incomingToken = undefined;
    this.core.setState(vm, VmState.VM_STATE_RUNNING, operationId);
    return undefined;
  }

  private handOver(vm: SimVm, targetAddress: string, token: string, operationId: string): string | undefined {
    const target = this.network(targetAddress);
    if (!target) return `migration target ${targetAddress} is unreachable`;
    return target.receive(vm.spec.vmId, token, operationId);
  }
}
