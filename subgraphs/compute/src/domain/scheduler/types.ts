// Types of the placement scheduler: a plugin framework after the Kubernetes
// scheduler framework (filters, scores, cycle state) and Nova's filters and
// weighers (weight multipliers, filtering history). Pure data, no I/O.

export type HostPhase = 'READY' | 'NOT_READY' | 'DRAINING' | 'MAINTENANCE' | 'UNKNOWN';

export interface Resources {
  vcpus: number;
  memoryMib: number;
}

/** What the scheduler knows about one host at the start of a scheduling cycle. */
export interface HostSnapshot {
  /** Unique across the snapshot: candidates, normalization and tie-breaks key on it. */
  id: string;
  hostname: string;
  phase: HostPhase;
  /** false when an operator cordoned the host: running VMs stay, new ones do not land. */
  schedulable: boolean;
  labels: Record<string, string>;
  capacity: Resources;
  /** capacity × overcommit ratio, precomputed by the caller (see `allocatableOf`). */
  allocatable: Resources;
  /** Sum of what VMs placed on the host have reserved. */
  allocated: Resources;
  clusterId: string | null;
  /** VMs on the host, for affinity plugins; absent when the caller did not load them. */
  vmIds?: string[];
}

/**
 * VM-to-VM (anti-)affinity, reserved for affinity plugins that are not written yet.
 * Every field is optional so that adding those plugins does not break callers.
 */
export interface AffinitySpec {
  /** Prefer (or require) a host already running one of these VMs. */
  colocateWithVmIds?: string[];
  /** Prefer (or require) a host running none of these VMs. */
  separateFromVmIds?: string[];
  /** true: a filter enforces the rules; false or absent: only scorers prefer them. */
  required?: boolean;
}

/** One VM to place. Resources are what the VM adds to a host, not a resize delta. */
export interface PlacementRequest {
  vcpus: number;
  memoryMib: number;
  /** Labels the host must carry, all of them, with these exact values. */
  hostSelector: Record<string, string>;
  /** When set, only this host may be chosen. */
  pinnedHostId?: string;
  projectId: string;
  /** The VM being placed, when it already exists (affinity plugins skip it). */
  vmId?: string;
  affinity?: AffinitySpec;
}

/** A filter's answer: success, or unschedulable with reasons in words. */
export type Status = { ok: true } | { ok: false; reasons: string[] };

/** Per-request scratch space, keyed by plugin name, filled by pre-steps. */
export interface CycleState {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
}

export interface FilterPlugin {
  name: string;
  /** Once per cycle, before any `filter` call: do per-request work here, not per host. */
  preFilter?(state: CycleState, req: PlacementRequest, hosts: readonly HostSnapshot[]): void;
  filter(state: CycleState, req: PlacementRequest, host: HostSnapshot): Status;
  /**
   * One phrase for the "nothing fits" summary covering every host this filter
   * rejected (e.g. "cpu: needs 8 vCPU, at most 4 free"). Without it the summary
   * quotes the most common reasons.
   */
  summarize?(state: CycleState, req: PlacementRequest, rejected: readonly HostSnapshot[]): string;
}

export interface ScorePlugin {
  name: string;
  /** 0..100, higher is better; called only for hosts that passed every filter. */
  score(state: CycleState, req: PlacementRequest, host: HostSnapshot): number;
  /** Rewrites the scores of this cycle in place (host id → score); results must stay in 0..100. */
  normalize?(scores: Map<string, number>): void;
}

export interface PlacementCandidate {
  hostId: string;
  hostname: string;
  fits: boolean;
  /** Σ weight × score for fitting hosts; null for rejected ones. */
  score: number | null;
  /** Why the host was rejected, from the first filter that rejected it; empty if it fits. */
  reasons: string[];
  /** Name of the first filter that rejected the host. */
  filteredBy?: string;
}

export interface PlacementResult {
  chosen: HostSnapshot | null;
  /**
   * Every host: the fitting ones by score (desc), hostname, id — the order in
   * which a caller that loses a reservation race tries the next one — then the
   * rejected ones, those that got furthest through the filter chain first.
   */
  candidates: PlacementCandidate[];
  /** e.g. "0 of 12 hosts fit: 8 × cpu: needs 8 vCPU, at most 4 free (e.g. a, b, c); 1 × host cordoned (d)". */
  summary: string;
}

/** Result of re-checking one host, e.g. right before reserving it. */
export type HostVerdict = { ok: true } | { ok: false; filteredBy: string; reasons: string[] };
