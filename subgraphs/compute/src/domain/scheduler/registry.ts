// The explicit registry: every plugin the scheduler can run, by name, with the
// schema of its arguments. Nothing is discovered by scanning folders, so what
// a profile may name is visible here and checked when the scheduler is built.

import { z } from 'zod';
import { CPU_FITS, cpuFitsArgs, cpuFitsFilter } from './plugins/cpu-fits.filter';
import { HOST_READY, hostReadyArgs, hostReadyFilter } from './plugins/host-ready.filter';
import { HOST_SELECTOR, hostSelectorArgs, hostSelectorFilter } from './plugins/host-selector.filter';
import { MEMORY_FITS, memoryFitsArgs, memoryFitsFilter } from './plugins/memory-fits.filter';
import { PINNED_HOST, pinnedHostArgs, pinnedHostFilter } from './plugins/pinned-host.filter';
import { SCHEDULABLE, schedulableArgs, schedulableFilter } from './plugins/schedulable.filter';
import { SPREAD, spreadArgs, spreadScorer } from './plugins/spread.scorer';
import type { FilterPlugin, ScorePlugin } from './types';

/** Either a built plugin or the problems with the arguments given for it. */
export type Instantiated<P> = { ok: true; plugin: P } | { ok: false; problems: string[] };

export interface FilterFactory {
  kind: 'filter';
  /** Validates raw arguments (absent means `{}`) and builds the plugin. */
  instantiate(rawArgs: unknown): Instantiated<FilterPlugin>;
}

export interface ScorerFactory {
  kind: 'scorer';
  instantiate(rawArgs: unknown): Instantiated<ScorePlugin>;
}

export type PluginFactory = FilterFactory | ScorerFactory;

export type PluginRegistry = Readonly<Record<string, PluginFactory>>;

/** Ties a filter to its argument schema; `create` receives parsed, typed arguments. */
export function filterFactory<S extends z.ZodType>(args: S, create: (args: z.output<S>) => FilterPlugin): FilterFactory {
  return { kind: 'filter', instantiate: (raw) => instantiate(args, create, raw) };
}

/** Ties a scorer to its argument schema; `create` receives parsed, typed arguments. */
export function scorerFactory<S extends z.ZodType>(args: S, create: (args: z.output<S>) => ScorePlugin): ScorerFactory {
  return { kind: 'scorer', instantiate: (raw) => instantiate(args, create, raw) };
}

function instantiate<S extends z.ZodType, P>(schema: S, create: (args: z.output<S>) => P, raw: unknown): Instantiated<P> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, problems: formatIssues(parsed.error) };
  return { ok: true, plugin: create(parsed.data) };
}

/** "resourceWeights.cpu: Too small: expected number to be >=0", one per issue. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) =>
    issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message,
  );
}

export const defaultRegistry: PluginRegistry = Object.freeze({
  [PINNED_HOST]: filterFactory(pinnedHostArgs, pinnedHostFilter),
  [HOST_READY]: filterFactory(hostReadyArgs, hostReadyFilter),
  [SCHEDULABLE]: filterFactory(schedulableArgs, schedulableFilter),
  [HOST_SELECTOR]: filterFactory(hostSelectorArgs, hostSelectorFilter),
  [CPU_FITS]: filterFactory(cpuFitsArgs, cpuFitsFilter),
  [MEMORY_FITS]: filterFactory(memoryFitsArgs, memoryFitsFilter),
  [SPREAD]: scorerFactory(spreadArgs, spreadScorer),
});

export const schedulerProfileSchema = z.strictObject({
  /** Run in this order; put the filter that rejects the most hosts first. */
  filters: z.array(z.strictObject({ name: z.string().min(1), args: z.unknown().optional() })),
  /** Final score = Σ weight × score; a negative weight inverts a scorer (spread → pack). */
  scorers: z.array(z.strictObject({ name: z.string().min(1), weight: z.number(), args: z.unknown().optional() })),
});

export type SchedulerProfile = z.input<typeof schedulerProfileSchema>;

/**
 * Pinned first: when a request is pinned it rejects all hosts but one, and when
 * it is not, it costs one comparison. Then the cheap state checks, then labels
 * (often a whole zone), then the resource fits, whose reasons need the most words.
 */
export const defaultProfile: SchedulerProfile = Object.freeze({
  filters: Object.freeze([
    { name: PINNED_HOST },
    { name: HOST_READY },
    { name: SCHEDULABLE },
    { name: HOST_SELECTOR },
    { name: CPU_FITS },
    { name: MEMORY_FITS },
  ]),
  scorers: Object.freeze([{ name: SPREAD, weight: 1 }]),
}) as SchedulerProfile;
