// Builds a scheduler from a profile and a registry, checking everything at
// start-up so that a misspelt plugin name fails the deploy, not a placement.

import { evaluateHostWith, runSchedulingCycle, type WeightedScorer } from './framework';
import {
  defaultRegistry,
  formatIssues,
  schedulerProfileSchema,
  type Instantiated,
  type PluginFactory,
  type PluginRegistry,
  type SchedulerProfile,
} from './registry';
import type { FilterPlugin, HostSnapshot, HostVerdict, PlacementRequest, PlacementResult } from './types';

/**
 * Thrown by `createScheduler` when a profile names an unknown plugin, names one
 * twice, or gives it bad arguments. Nobody catches it: it surfaces at start-up,
 * with every problem listed, and the process should not start.
 */
export class InvalidSchedulerProfileError extends Error {
  override readonly name = 'InvalidSchedulerProfileError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid scheduler profile:\n  ${problems.join('\n  ')}`);
  }
}

export interface Scheduler {
  /** Enabled filters, in the order they run. */
  readonly filterNames: readonly string[];
  readonly scorers: readonly { name: string; weight: number }[];
  /** Places one request on a snapshot of hosts; host ids must be unique. */
  schedule(req: PlacementRequest, hosts: readonly HostSnapshot[]): PlacementResult;
  /**
   * Re-checks one host with every filter, e.g. on a fresh snapshot before a
   * conditional reservation; when it fails, try the next candidate.
   */
  evaluateHost(req: PlacementRequest, host: HostSnapshot): HostVerdict;
}

export function createScheduler(profile: SchedulerProfile, registry: PluginRegistry = defaultRegistry): Scheduler {
  const shape = schedulerProfileSchema.safeParse(profile);
  if (!shape.success) throw new InvalidSchedulerProfileError(formatIssues(shape.error));

  const problems: string[] = [];
  const seen = new Set<string>();
  const filters: FilterPlugin[] = [];
  const scorers: WeightedScorer[] = [];

  const lookup = <K extends PluginFactory['kind']>(where: string, name: string, kind: K) => {
    // CycleState is keyed by plugin name, so one plugin twice would share (and clobber) its scratch.
    if (seen.has(name)) return void problems.push(`${where}: "${name}" is listed twice`);
    seen.add(name);
    const factory = Object.hasOwn(registry, name) ? registry[name] : undefined;
    if (factory === undefined) {
      const known = Object.keys(registry).filter((k) => registry[k].kind === kind).sort();
      return void problems.push(`${where}: unknown ${kind} plugin "${name}" (known: ${known.join(', ')})`);
    }
    if (factory.kind !== kind) return void problems.push(`${where}: "${name}" is a ${factory.kind}, not a ${kind}`);
    return factory as Extract<PluginFactory, { kind: K }>;
  };
  const accept = <P extends { name: string }>(where: string, name: string, built: Instantiated<P>) => {
    if (!built.ok) return void problems.push(...built.problems.map((p) => `${where} (${name}) args: ${p}`));
    if (built.plugin.name !== name) {
      return void problems.push(`${where}: registry entry "${name}" built a plugin named "${built.plugin.name}"`);
    }
    return built.plugin;
  };

  shape.data.filters.forEach(({ name, args }, i) => {
    const where = `filters[${i}]`;
    const built = lookup(where, name, 'filter')?.instantiate(args);
    const accepted = built && accept(where, name, built);
    if (accepted) filters.push(accepted);
  });
  shape.data.scorers.forEach(({ name, weight, args }, i) => {
    const where = `scorers[${i}]`;
    const built = lookup(where, name, 'scorer')?.instantiate(args);
    const accepted = built && accept(where, name, built);
    if (accepted) scorers.push({ plugin: accepted, weight });
  });
  if (problems.length > 0) throw new InvalidSchedulerProfileError(problems);

  const plan = { filters, scorers };
  return {
    filterNames: filters.map((f) => f.name),
    scorers: scorers.map(({ plugin, weight }) => ({ name: plugin.name, weight })),
    schedule: (req, hosts) => runSchedulingCycle(plan, req, hosts),
    evaluateHost: (req, host) => evaluateHostWith(filters, req, host),
  };
}
