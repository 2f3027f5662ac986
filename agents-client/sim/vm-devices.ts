// Snapshots, volumes and NICs. These leave the VM's state alone: their outcome is
// the OperationCompleted event, and an injected failure fails only the operation.
import { VmState, type Disk, type Nic, type SecurityGroupRule } from '../src/generated/limiquantix/agent/v1/agent';
import type { HypervisorCore, Operation, SimVm } from './hypervisor-core';
import type { LatencyKind } from './latency-model';
import { SimRefusal } from './sim-refusal';

const { VM_STATE_STOPPED: STOPPED, VM_STATE_RUNNING: RUNNING } = VmState;

export class VmDevices {
  constructor(private readonly core: HypervisorCore) {}

  createSnapshot(operationId: string, vmId: string, snapshotId: string, name: string): Record<string, string> {
    return this.core.accept('CreateSnapshot', operationId, vmId, snapshotId, (op) => {
      if (!snapshotId) throw new SimRefusal('INVALID_ARGUMENT', 'snapshot_id is required');
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED], 'snapshot');
      if (vm.snapshots.has(snapshotId)) throw new SimRefusal('ALREADY_EXISTS', `snapshot ${snapshotId} already exists`);
      this.run(op, vm, 'snapshot', () => vm.snapshots.set(snapshotId, { name, disks: vm.spec.disks.map((disk) => ({ ...disk })) }));
    });
  }

  revertSnapshot(operationId: string, vmId: string, snapshotId: string): Record<string, string> {
    return this.core.accept('RevertSnapshot', operationId, vmId, snapshotId, (op) => {
      const vm = this.core.idleVm(vmId, [STOPPED], 'revert');
      const snapshot = vm.snapshots.get(snapshotId);
      if (!snapshot) throw new SimRefusal('NOT_FOUND', `snapshot ${snapshotId} of VM ${vmId} not found`);
      this.run(op, vm, 'revert', () => {
        vm.spec.disks = snapshot.disks.map((disk) => ({ ...disk }));
      });
    });
  }

  deleteSnapshot(operationId: string, vmId: string, snapshotId: string): Record<string, string> {
    return this.core.accept('DeleteSnapshot', operationId, vmId, snapshotId, (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED, VmState.VM_STATE_FAILED], 'delete a snapshot of');
      if (!vm.snapshots.has(snapshotId)) throw new SimRefusal('NOT_FOUND', `snapshot ${snapshotId} of VM ${vmId} not found`);
      this.run(op, vm, 'snapshot', () => vm.snapshots.delete(snapshotId));
    });
  }

  attachVolume(operationId: string, vmId: string, disk: Disk | undefined): Record<string, string> {
    if (!disk?.volumeId) throw new SimRefusal('INVALID_ARGUMENT', 'disk.volume_id is required');
    return this.core.accept('AttachVolume', operationId, vmId, disk.volumeId, (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED], 'attach a volume to');
      if (vm.spec.disks.some((existing) => existing.volumeId === disk.volumeId)) {
        throw new SimRefusal('ALREADY_EXISTS', `volume ${disk.volumeId} is already attached to VM ${vmId}`);
      }
      this.run(op, vm, 'volume', () => vm.spec.disks.push({ ...disk }));
    });
  }

  detachVolume(operationId: string, vmId: string, volumeId: string): Record<string, string> {
    return this.core.accept('DetachVolume', operationId, vmId, volumeId, (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED, VmState.VM_STATE_FAILED], 'detach a volume from');
      const disk = vm.spec.disks.find((existing) => existing.volumeId === volumeId);
      if (!disk) throw new SimRefusal('NOT_FOUND', `volume ${volumeId} is not attached to VM ${vmId}`);
      if (disk.bootIndex !== undefined && vm.state === RUNNING) {
        throw new SimRefusal('FAILED_PRECONDITION', `volume ${volumeId} is a boot disk of running VM ${vmId}`);
      }
      this.run(op, vm, 'volume', () => {
        vm.spec.disks = vm.spec.disks.filter((existing) => existing.volumeId !== volumeId);
      });
    });
  }

  configureNic(operationId: string, vmId: string, nic: Nic | undefined, rules: SecurityGroupRule[]): Record<string, string> {
    if (!nic?.macAddress) throw new SimRefusal('INVALID_ARGUMENT', 'nic.mac_address is required');
    const detail = JSON.stringify([nic, rules]);
    return this.core.accept('ConfigureNic', operationId, vmId, detail, (op) => {
      const vm = this.core.idleVm(vmId, [RUNNING, STOPPED], 'configure a NIC of');
      this.run(op, vm, 'nic', () => {
        vm.spec.nics = [...vm.spec.nics.filter((existing) => existing.macAddress !== nic.macAddress), { ...nic }];
        vm.rules.set(nic.macAddress, rules.map((rule) => ({ ...rule })));
      });
    });
  }

  /** Applies `change` after the latency, unless a failure was injected. */
  private run(op: Operation, vm: SimVm, latency: LatencyKind, change: () => void): void {
    this.core.begin(op, vm);
    this.core.after(op, this.core.latency(latency), () => {
      if (!op.failure) change();
      this.core.finish(op, vm);
    });
  }
}
