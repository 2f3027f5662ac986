// What a registered host starts as, from what its agent reported and what the caller asked.
// Policy: the agent is the authority on the machine (hostname, capacity, version,
// capabilities); the caller's labels win over the agent's on the same key, since the caller
// is organising the fleet; a host that just answered is READY and counts as having
// heartbeated now, so the monitor's failure clock starts at registration.

import { allocatableOf, type HostPhase, type OvercommitRatios, type Resources } from './host';

/** What the agent says about itself (the parts registration keeps). */
export interface AgentReport {
  hostname: string;
  vcpus: number;
  memoryMib: number;
  agentVersion: string;
  capabilities: readonly string[];
  labels: Readonly<Record<string, string>>;
}

/** A host row to insert. */
export interface NewHost {
  hostname: string;
  agentAddress: string;
  agentVersion: string;
  capabilities: string[];
  labels: Record<string, string>;
  phase: HostPhase;
  schedulable: boolean;
  capacity: Resources;
  allocatable: Resources;
  lastHeartbeatAt: Date;
  clusterId: string | null;
}

export interface RegistrationRequest {
  /** Already normalized (see parseAgentAddress). */
  agentAddress: string;
  clusterId: string | null;
  labels: Readonly<Record<string, string>>;
}

/** Why an agent's report cannot become a host, or null when it can. */
export function reportProblem(report: AgentReport): string | null {
  if (report.hostname.trim().length === 0) return 'the agent reported no hostname';
  if (!Number.isInteger(report.vcpus) || report.vcpus < 1) return `the agent reported ${report.vcpus} vCPUs`;
  if (!Number.isInteger(report.memoryMib) || report.memoryMib < 1) return `the agent reported ${report.memoryMib} MiB of memory`;
  return null;
}

export function newHostFrom(report: AgentReport, request: RegistrationRequest, ratios: OvercommitRatios, now: Date): NewHost {
  const capacity = { vcpus: report.vcpus, memoryMib: report.memoryMib };
  return {
    hostname: report.hostname,
    agentAddress: request.agentAddress,
    agentVersion: report.agentVersion,
    capabilities: [...new Set(report.capabilities)].sort(),
    labels: { ...report.labels, ...request.labels },
    phase: 'READY',
    schedulable: true,
    capacity,
    allocatable: allocatableOf(capacity, ratios),
    lastHeartbeatAt: now,
    clusterId: request.clusterId,
  };
}
