import { labelMapOf, type LabelMap, type LabelPair } from './labels';

export const VM_STATES = ['PENDING', 'STOPPED', 'STARTING', 'RUNNING', 'STOPPING', 'MIGRATING', 'FAILED', 'DELETING'] as const;
/** What the agent last reported (state), or what the control plane drives towards (desiredState). */
export type VmState = (typeof VM_STATES)[number];

/** The contract allows only these two as a desired state. */
export type DesiredVmState = Extract<VmState, 'RUNNING' | 'STOPPED'>;

export const RESTART_PRIORITIES = ['DISABLED', 'LOW', 'MEDIUM', 'HIGH'] as const;
/** Order in which HA restarts VMs of a failed host; DISABLED VMs are not restarted. */
export type RestartPriority = (typeof RESTART_PRIORITIES)[number];

/** What was asked for the VM: the scheduler places by it, the agent creates by it. */
export interface VmSpec {
  vcpus: number;
  memoryMib: number;
  /** Boot image reference, e.g. ubuntu-24.04. */
  image: string | null;
  restartPriority: RestartPriority;
  /** Host labels the VM requires, all of them. */
  hostSelector: LabelMap;
}

export interface VirtualMachine {
  id: string;
  name: string;
  description: string | null;
  projectId: string;
  labels: LabelMap;
  spec: VmSpec;
  desiredState: VmState;
  state: VmState;
  /** Why the VM is FAILED, or what the reconciler last could not do. */
  stateReason: string | null;
  hostId: string | null;
  /** Increases on every change, so subscribers can drop stale events. */
  generation: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A volume attached to a VM. */
export interface VmDisk {
  id: string;
  vmId: string;
  volumeId: string;
  /** Boot order; null for data disks. */
  bootIndex: number | null;
  /** Created together with the VM, so deleteVolumes removes it with the VM. */
  createdWithVm: boolean;
  createdAt: Date;
}

export interface VmNic {
  id: string;
  vmId: string;
  networkId: string;
  macAddress: string;
  ipAddress: string | null;
  securityGroupIds: string[];
  /** Order of the NIC in the guest. */
  position: number;
}

export interface Snapshot {
  id: string;
  vmId: string;
  name: string;
  description: string | null;
  includesMemory: boolean;
  createdAt: Date;
}

/** Which VMs a list asks for; every given criterion must hold. */
export interface VirtualMachineCriteria {
  projectId?: string;
  hostId?: string;
  /** Any of these states. */
  states?: readonly VmState[];
  /** All of these labels, each with exactly this value. */
  labels?: readonly LabelPair[];
  /** Case-insensitive substring of the name. */
  nameContains?: string;
}

/** The spec as the VM row stores it: flat columns, the host selector as a JSON map. */
export interface VmSpecColumns {
  vcpus: number;
  memoryMib: number;
  image: string | null;
  restartPriority: RestartPriority;
  hostSelector: unknown;
}

export function vmSpecOf(columns: VmSpecColumns): VmSpec {
  return {
    vcpus: columns.vcpus,
    memoryMib: columns.memoryMib,
    image: columns.image,
    restartPriority: columns.restartPriority,
    hostSelector: labelMapOf(columns.hostSelector),
  };
}
