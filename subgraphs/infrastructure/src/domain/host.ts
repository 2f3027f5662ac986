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
export interface OvercommitRatios {
  /** vCPUs sold per host CPU thread; default DEFAULT_CPU_OVERCOMMIT (2.0). */
  cpu: number;
  /** MiB sold per physical MiB; default DEFAULT_MEMORY_OVERCOMMIT (1.5). */
  memory: number;
}

/** Default vCPU ratio: low enough that busy guests rarely wait for a core. */
export const DEFAULT_CPU_OVERCOMMIT = 2.0;

/** Default memory ratio; above 1 relies on ballooning, KSM and idle guests. */
export const DEFAULT_MEMORY_OVERCOMMIT = 1.5;

export const DEFAULT_OVERCOMMIT: Readonly<OvercommitRatios> = Object.freeze({
  cpu: DEFAULT_CPU_OVERCOMMIT,
  memory: DEFAULT_MEMORY_OVERCOMMIT,
});

// Products such as 100 × 1.15 come out as 114.99999999999999 in binary floating point;
// without this slack, floor would lose a whole vCPU or MiB.
const FLOAT_SLACK = 1e-9;

/**
 * What the scheduler may hand out: floor(capacity × ratio) per resource. Ratios must be
 * positive finite numbers (a RangeError otherwise: it is a configuration bug).
 */
export function allocatableOf(capacity: Resources, ratios: OvercommitRatios = DEFAULT_OVERCOMMIT): Resources {
  return {
    vcpus: scaled(capacity.vcpus, ratios.cpu, 'cpu'),
    memoryMib: scaled(capacity.memoryMib, ratios.memory, 'memory'),
  };
}

function scaled(amount: number, ratio: number, what: string): number {
  if (!Number.isFinite(ratio) || ratio <= 0) {
    throw new RangeError(`${what} overcommit ratio must be a positive number, got ${ratio}`);
  }
  return Math.floor(amount * ratio + FLOAT_SLACK);
}

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
