// Overcommit: how much of a host's physical capacity the scheduler may promise.
// VMs rarely use all their vCPUs or memory at once, so, as Nova's
// cpu_allocation_ratio and ram_allocation_ratio do, we sell more than we have.
// The infrastructure subgraph stores the result as each host's `allocatable` (at
// registration and whenever the ratios change); compute's scheduler filters read only that.
// One definition, because both sides must agree on it.

/** vCPUs and MiB (a plain shape: this module is pure and imported by domain code). */
export interface Resources {
  vcpus: number;
  memoryMib: number;
}

/** Default vCPUs sold per host CPU thread: low enough that busy guests rarely wait for a core. */
export const DEFAULT_CPU_OVERCOMMIT = 2.0;

/** Default memory sold per physical MiB; above 1 relies on ballooning, KSM and idle guests. */
export const DEFAULT_MEMORY_OVERCOMMIT = 1.5;

export interface OvercommitRatios {
  /** vCPU ratio; default DEFAULT_CPU_OVERCOMMIT (2.0). */
  cpu: number;
  /** memory ratio; default DEFAULT_MEMORY_OVERCOMMIT (1.5). */
  memory: number;
}

export const DEFAULT_OVERCOMMIT: Readonly<OvercommitRatios> = Object.freeze({
  cpu: DEFAULT_CPU_OVERCOMMIT,
  memory: DEFAULT_MEMORY_OVERCOMMIT,
});

// Products such as 100 × 1.15 come out as 114.99999999999999 in binary floating
// point; without this slack, floor would lose a whole vCPU or MiB.
const FLOAT_SLACK = 1e-9;

/** floor(capacity × ratio) per resource. Ratios must be positive finite numbers. */
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
