// Translation between the generated wire types and the domain types. The only
// file besides the client that imports generated code, so a proto change is
// absorbed here.
import type { AgentDisk, AgentEvent, AgentHostInfo, AgentNic, AgentSecurityRule, AgentVmSpec, AgentVmState, AgentVmStatus } from '../agent-client';
import {
  RuleDirection,
  RuleProtocol,
  VmState,
  type Disk,
  type GetHostInfoResponse,
  type Nic,
  type SecurityGroupRule,
  type VmSpec,
  type VmStatus,
  type WatchEventsResponse,
} from '../generated/limiquantix/agent/v1/agent';

const STATE_FROM_PROTO: Record<VmState, AgentVmState | undefined> = {
  [VmState.VM_STATE_UNSPECIFIED]: undefined,
  [VmState.VM_STATE_STOPPED]: 'STOPPED',
  [VmState.VM_STATE_STARTING]: 'STARTING',
  [VmState.VM_STATE_RUNNING]: 'RUNNING',
  [VmState.VM_STATE_STOPPING]: 'STOPPING',
  [VmState.VM_STATE_MIGRATING]: 'MIGRATING',
  [VmState.VM_STATE_FAILED]: 'FAILED',
  [VmState.VM_STATE_DELETING]: 'DELETING',
  [VmState.VM_STATE_DELETED]: 'DELETED',
  [VmState.UNRECOGNIZED]: undefined,
};

export const STATE_TO_PROTO: Record<AgentVmState, VmState> = {
  STOPPED: VmState.VM_STATE_STOPPED,
  STARTING: VmState.VM_STATE_STARTING,
  RUNNING: VmState.VM_STATE_RUNNING,
  STOPPING: VmState.VM_STATE_STOPPING,
  MIGRATING: VmState.VM_STATE_MIGRATING,
  FAILED: VmState.VM_STATE_FAILED,
  DELETING: VmState.VM_STATE_DELETING,
  DELETED: VmState.VM_STATE_DELETED,
};

/** Undefined for UNSPECIFIED and for values from a newer agent this client does not know. */
export function stateFromProto(state: VmState): AgentVmState | undefined {
  return STATE_FROM_PROTO[state];
}

const DIRECTION_TO_PROTO = { INGRESS: RuleDirection.RULE_DIRECTION_INGRESS, EGRESS: RuleDirection.RULE_DIRECTION_EGRESS };
const PROTOCOL_TO_PROTO = {
  ANY: RuleProtocol.RULE_PROTOCOL_ANY,
  TCP: RuleProtocol.RULE_PROTOCOL_TCP,
  UDP: RuleProtocol.RULE_PROTOCOL_UDP,
  ICMP: RuleProtocol.RULE_PROTOCOL_ICMP,
};

export function diskToProto(disk: AgentDisk): Disk {
  return { volumeId: disk.volumeId, sizeGib: disk.sizeGib, bootIndex: disk.bootIndex };
}

export function nicToProto(nic: AgentNic): Nic {
  return {
    networkId: nic.networkId,
    macAddress: nic.macAddress,
    ipAddress: nic.ipAddress,
    securityGroupIds: [...nic.securityGroupIds],
  };
}

export function specToProto(spec: AgentVmSpec): VmSpec {
  return {
    vmId: spec.vmId,
    name: spec.name,
    vcpus: spec.vcpus,
    memoryMib: spec.memoryMib,
    image: spec.image,
    disks: spec.disks.map(diskToProto),
    nics: spec.nics.map(nicToProto),
  };
}

export function ruleToProto(rule: AgentSecurityRule): SecurityGroupRule {
  return {
    securityGroupId: rule.securityGroupId,
    direction: DIRECTION_TO_PROTO[rule.direction],
    protocol: PROTOCOL_TO_PROTO[rule.protocol],
    portFrom: rule.portFrom,
    portTo: rule.portTo,
    cidr: rule.cidr ?? '',
  };
}

export function hostInfoFromProto(info: GetHostInfoResponse): AgentHostInfo {
  return {
    hostId: info.hostId,
    hostname: info.hostname,
    vcpus: info.vcpus,
    memoryMib: info.memoryMib,
    agentVersion: info.agentVersion,
    capabilities: [...info.capabilities],
    labels: { ...info.labels },
    bootId: info.bootId,
  };
}

/** Undefined for a VM in a state this client does not know (skipped, not guessed). */
export function vmStatusFromProto(vm: VmStatus): AgentVmStatus | undefined {
  const state = stateFromProto(vm.state);
  if (!state) return undefined;
  return {
    vmId: vm.vmId,
    name: vm.name,
    state,
    vcpus: vm.vcpus,
    memoryMib: vm.memoryMib,
    volumeIds: [...vm.volumeIds],
    snapshotIds: [...vm.snapshotIds],
    macAddresses: [...vm.macAddresses],
    ...(vm.error ? { error: vm.error } : {}),
  };
}

/** Undefined for an event this client does not understand (a newer agent's). */
export function eventFromProto(message: WatchEventsResponse): AgentEvent | undefined {
  const base = { bootId: message.bootId, seq: message.sequence, at: message.at ?? new Date() };
  const event = message.event;
  switch (event?.$case) {
    case 'heartbeat':
      return {
        ...base,
        kind: 'heartbeat',
        cpuPercent: event.value.cpuPercent,
        memoryPercent: event.value.memoryPercent,
        vmCount: event.value.vmCount,
        runningVmCount: event.value.runningVmCount,
        intervalMs: event.value.heartbeatIntervalMs,
      };
    case 'vmState': {
      const state = stateFromProto(event.value.state);
      if (!state) return undefined;
      const previousState = stateFromProto(event.value.previousState);
      return {
        ...base,
        kind: 'vmState',
        vmId: event.value.vmId,
        state,
        ...(previousState ? { previousState } : {}),
        ...(event.value.operationId ? { operationId: event.value.operationId } : {}),
        ...(event.value.error ? { error: event.value.error } : {}),
      };
    }
    case 'operation':
      return {
        ...base,
        kind: 'operation',
        operationId: event.value.operationId,
        vmId: event.value.vmId,
        succeeded: event.value.succeeded,
        ...(event.value.error ? { error: event.value.error } : {}),
      };
    case undefined:
      return undefined;
  }
}
