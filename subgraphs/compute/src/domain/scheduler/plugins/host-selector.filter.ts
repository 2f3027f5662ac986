// Policy: a VM that asks for host labels lands only on a host carrying all of them, with the same values.
// Matching is exact, like a Kubernetes nodeSelector: no expressions, no "exists";
// richer rules belong in a plugin of their own.

import { z } from 'zod';
import { OK, unschedulable } from '../framework';
import type { CycleState, FilterPlugin, PlacementRequest } from '../types';

export const HOST_SELECTOR = 'host-selector';

/** No options: the selector comes with each request. */
export const hostSelectorArgs = z.strictObject({});

export const REASON_LABELS_PREFIX = 'labels: missing';

type Selector = readonly (readonly [key: string, value: string])[];

/** "labels: missing zone=a, tier=gold". */
export function labelsReason(missing: readonly string[]): string {
  return `${REASON_LABELS_PREFIX} ${missing.join(', ')}`;
}

/** The selector as entries sorted by key, so reasons list labels in a stable order. */
export function selectorEntries(hostSelector: Record<string, string>): Selector {
  return Object.entries(hostSelector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

// Object.hasOwn: a selector key such as "constructor" must not match Object.prototype.
function hasLabel(labels: Record<string, string>, key: string, value: string): boolean {
  return Object.hasOwn(labels, key) && labels[key] === value;
}

/** "key=value" for each selector entry the labels lack or hold with another value. */
export function missingLabels(selector: Selector, labels: Record<string, string>): string[] {
  const missing: string[] = [];
  for (const [key, value] of selector) {
    if (!hasLabel(labels, key, value)) missing.push(`${key}=${value}`);
  }
  return missing;
}

function selectorOf(state: CycleState, req: PlacementRequest): Selector {
  // Sorting once per request, not per host: the pre-step keeps it in the cycle state.
  return state.get<Selector>(HOST_SELECTOR) ?? selectorEntries(req.hostSelector);
}

export function hostSelectorFilter(): FilterPlugin {
  return {
    name: HOST_SELECTOR,
    preFilter: (state, req) => state.set(HOST_SELECTOR, selectorEntries(req.hostSelector)),
    filter: (state, req, host) => {
      const selector = selectorOf(state, req);
      if (selector.length === 0) return OK;
      const missing = missingLabels(selector, host.labels);
      return missing.length === 0 ? OK : unschedulable(labelsReason(missing));
    },
    summarize: (state, req, rejected) => {
      // Every selector label that at least one rejected host lacks, in selector order.
      const selector = selectorOf(state, req);
      const lacking = selector.filter(([key, value]) => rejected.some((h) => !hasLabel(h.labels, key, value)));
      return labelsReason(lacking.map(([key, value]) => `${key}=${value}`));
    },
  };
}
