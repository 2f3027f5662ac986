// A host (hypervisor node) as the infrastructure subgraph knows it: its row, in domain
// terms. Pure types and arithmetic; no Prisma, no GraphQL.

export type HostPhase = 'READY' | 'NOT_READY' | 'DRAINING' | 'MAINTENANCE' | 'UNKNOWN';

export const HOST_PHASES: readonly HostPhase[] = ['READY', 'NOT_READY', 'DRAINING', 'MAINTENANCE', 'UNKNOWN'];

export interface Resources {
  vcpus: number;
  memoryMib: number;
}

/** Live figures from the agent's last heartbeat, in percent (0..100). */
export interface HostUsage {
  cpuPercent: number;
  memoryPercent: number;
}

export interface Host {
  id: string;
  hostname: string;
  /** host:port of the agent's gRPC endpoint. */
  agentAddress: string;
  agentVersion: string | null;
  capabilities: string[];
  labels: Record<string, string>;
  phase: HostPhase;
  /** false when cordoned: the scheduler places nothing new here. */
  schedulable: boolean;
  /** Physical resources. */
  capacity: Resources;
  /** capacity × the overcommit ratios in force when it was last computed. */
  allocatable: Resources;
  /** Sum of what the VMs placed here reserved. */
  allocated: Resources;
  /** null until the agent has sent a heartbeat with figures. */
  usage: HostUsage | null;
  lastHeartbeatAt: Date | null;
  clusterId: string | null;
  createdAt: Date;
}

/** What `hosts(filter)` narrows by; every given part must match. */
export interface HostQuery {
  clusterId?: string;
  /** Any of these phases; absent or empty means every phase. */
  phases?: HostPhase[];
  /**
   * Labels the host must carry, all of them, with these exact values. A list, not a map, so
   * that asking for one key with two values matches nothing instead of dropping one.
   */
  labels?: readonly { key: string; value: string }[];
}

/**
 * Overcommit: how much of a host's physical capacity the scheduler may promise. VMs rarely
 * use all their vCPUs or memory at once, so, like Nova's cpu_allocation_ratio and
 * ram_allocation_ratio, we sell more than we have.
 */
// The overcommit rule (ratios, defaults, allocatableOf) is shared with compute's scheduler.
export {
  allocatableOf,
  DEFAULT_CPU_OVERCOMMIT,
  DEFAULT_MEMORY_OVERCOMMIT,
  DEFAULT_OVERCOMMIT,
  type OvercommitRatios,
} from '../../../platform/src/capacity/overcommit';

/**
 * The usage figures of the last heartbeat, or null when the host never heartbeated (or the
 * agent sent no figures): the API says "unknown" rather than a misleading 0 %.
 */
export function usageFromHeartbeat(
  lastHeartbeatAt: Date | null,
  cpuPercent: number | null,
  memoryPercent: number | null,
): HostUsage | null {
  if (lastHeartbeatAt === null || cpuPercent === null || memoryPercent === null) return null;
  return { cpuPercent, memoryPercent };
}
