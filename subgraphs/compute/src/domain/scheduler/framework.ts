// The scheduling cycle: pre-filter once, filter each host until the first
// rejection (recording it, as Nova's filtering history does), score the hosts
// that fit, and order them. Plugins come ready-made from the registry; nothing
// here knows any particular plugin.

import { commonReasons, summarizePlacement, SUMMARY_EXAMPLES, type RejectionGroup } from './summary';
import type {
  CycleState,
  FilterPlugin,
  HostSnapshot,
  HostVerdict,
  PlacementCandidate,
  PlacementRequest,
  PlacementResult,
  ScorePlugin,
  Status,
} from './types';

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

/** Shared success value: filters return it so that passing hosts allocate nothing. */
export const OK: Status = Object.freeze({ ok: true }) as Status;

export function unschedulable(...reasons: string[]): Status {
  return { ok: false, reasons };
}

export function createCycleState(): CycleState {
  const data = new Map<string, unknown>();
  return {
    get: <T>(key: string) => data.get(key) as T | undefined,
    set: <T>(key: string, value: T) => void data.set(key, value),
  };
}

/** A score plugin with its multiplier; a negative weight inverts its preference (spread → pack). */
export interface WeightedScorer {
  plugin: ScorePlugin;
  weight: number;
}

export interface SchedulingPlan {
  filters: readonly FilterPlugin[];
  scorers: readonly WeightedScorer[];
}

/** Runs one cycle. Host ids must be unique within `hosts`. */
export function runSchedulingCycle(
  plan: SchedulingPlan,
  req: PlacementRequest,
  hosts: readonly HostSnapshot[],
): PlacementResult {
  const { filters, scorers } = plan;
  const state = createCycleState();
  for (const f of filters) f.preFilter?.(state, req, hosts);

  const n = hosts.length;
  const candidates: PlacementCandidate[] = new Array(n);
  // Index of the filter that rejected host i, or `filters.length` when it fits:
  // the sort uses it to list the hosts that came closest to fitting first.
  const stage = new Int32Array(n);
  const fitting: number[] = [];
  const rejectedBy: number[][] = filters.map(() => []);

  for (let i = 0; i < n; i++) {
    const host = hosts[i];
    let j = 0;
    let status: Status = OK;
    for (; j < filters.length; j++) {
      status = filters[j].filter(state, req, host);
      if (!status.ok) break;
    }
    stage[i] = j;
    if (status.ok) {
      fitting.push(i);
      // Same property set in both branches keeps the objects one hidden class.
      candidates[i] = { hostId: host.id, hostname: host.hostname, fits: true, score: 0, reasons: [], filteredBy: undefined };
    } else {
      rejectedBy[j].push(i);
      const filteredBy = filters[j].name;
      candidates[i] = { hostId: host.id, hostname: host.hostname, fits: false, score: null, reasons: status.reasons, filteredBy };
    }
  }

  const totals = scoreFitting(scorers, state, req, hosts, fitting);
  for (let k = 0; k < fitting.length; k++) candidates[fitting[k]].score = totals[k];

  const order = sortedOrder(candidates, stage);
  const sorted = new Array<PlacementCandidate>(n);
  for (let k = 0; k < n; k++) sorted[k] = candidates[order[k]];

  const groups = rejectionGroups(filters, state, req, hosts, candidates, rejectedBy, order, stage);
  return {
    chosen: fitting.length > 0 ? hosts[order[0]] : null,
    candidates: sorted,
    summary: summarizePlacement(n, fitting.length, groups),
  };
}

/** Re-checks one host against the filters alone (scores mean nothing for one host). */
export function evaluateHostWith(
  filters: readonly FilterPlugin[],
  req: PlacementRequest,
  host: HostSnapshot,
): HostVerdict {
  const state = createCycleState();
  const hosts = [host];
  for (const f of filters) f.preFilter?.(state, req, hosts);
  for (const f of filters) {
    const status = f.filter(state, req, host);
    if (!status.ok) return { ok: false, filteredBy: f.name, reasons: status.reasons };
  }
  return { ok: true };
}

function rejectionGroups(
  filters: readonly FilterPlugin[],
  state: CycleState,
  req: PlacementRequest,
  hosts: readonly HostSnapshot[],
  candidates: readonly PlacementCandidate[],
  rejectedBy: readonly number[][],
  order: Uint32Array,
  stage: Int32Array,
): RejectionGroup[] {
  // Examples come from the sorted order so that they do not depend on input order.
  const examples: string[][] = filters.map(() => []);
  for (let k = 0; k < order.length; k++) {
    const j = stage[order[k]];
    if (j < filters.length && examples[j].length < SUMMARY_EXAMPLES) examples[j].push(candidates[order[k]].hostname);
  }
  const groups: RejectionGroup[] = [];
  filters.forEach((f, j) => {
    const rejected = rejectedBy[j];
    if (rejected.length === 0) return;
    const headline =
      f.summarize !== undefined
        ? f.summarize(state, req, rejected.map((i) => hosts[i]))
        : commonReasons(rejected.map((i) => candidates[i].reasons));
    groups.push({ filterIndex: j, count: rejected.length, headline, examples: examples[j] });
  });
  return groups;
}

function scoreFitting(
  scorers: readonly WeightedScorer[],
  state: CycleState,
  req: PlacementRequest,
  hosts: readonly HostSnapshot[],
  fitting: readonly number[],
): Float64Array {
  const m = fitting.length;
  const totals = new Float64Array(m);
  if (m === 0) return totals;
  const raw = new Float64Array(m);
  for (const { plugin, weight } of scorers) {
    // A zero multiplier switches a scorer off (as in Nova); skip the work.
    if (weight === 0) continue;
    for (let k = 0; k < m; k++) raw[k] = plugin.score(state, req, hosts[fitting[k]]);
    if (plugin.normalize !== undefined) {
      const byId = new Map<string, number>();
      for (let k = 0; k < m; k++) byId.set(hosts[fitting[k]].id, raw[k]);
      plugin.normalize(byId);
      for (let k = 0; k < m; k++) raw[k] = byId.get(hosts[fitting[k]].id) ?? Number.NaN;
    }
    for (let k = 0; k < m; k++) {
      const s = raw[k];
      // As in Kubernetes: an out-of-range score is a plugin bug; placing on it would hide it.
      if (!(s >= MIN_SCORE && s <= MAX_SCORE)) {
        throw new RangeError(
          `score plugin "${plugin.name}" gave host ${hosts[fitting[k]].id} the score ${s}; ` +
            `scores must be within ${MIN_SCORE}..${MAX_SCORE}`,
        );
      }
      totals[k] += weight * s;
    }
  }
  return totals;
}

/** Fitting hosts by score desc, then hostname, then id; rejected ones by how far they got, then hostname, id. */
function sortedOrder(candidates: readonly PlacementCandidate[], stage: Int32Array): Uint32Array {
  const order = new Uint32Array(candidates.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    const ca = candidates[a];
    const cb = candidates[b];
    if (stage[a] !== stage[b]) return stage[b] - stage[a];
    if (ca.fits && ca.score !== cb.score) return (cb.score ?? 0) - (ca.score ?? 0);
    // Code-unit comparison, not localeCompare: the order must not depend on the server's locale.
    if (ca.hostname !== cb.hostname) return ca.hostname < cb.hostname ? -1 : 1;
    if (ca.hostId !== cb.hostId) return ca.hostId < cb.hostId ? -1 : 1;
    return a - b;
  });
}
