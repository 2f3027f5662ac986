// The one-line explanation of a cycle, quoted verbatim in NO_CAPACITY errors and
// placement previews: how many hosts fit, and for the rest, grouped by the filter
// that stopped them, how many, why, and which (a few examples).

/** How many hostnames each rejection group quotes. */
export const SUMMARY_EXAMPLES = 3;

/** How many distinct reasons a group quotes when its filter has no `summarize`. */
export const SUMMARY_DISTINCT_REASONS = 2;

export interface RejectionGroup {
  /** Position of the filter in the profile; breaks ties between groups of equal size. */
  filterIndex: number;
  count: number;
  /** e.g. "cpu: needs 8 vCPU, at most 4 free". */
  headline: string;
  /** Hostnames, at most SUMMARY_EXAMPLES, in candidate order. */
  examples: string[];
}

/** "0 of 12 hosts fit: 8 × cpu: …, at most 4 free (e.g. a, b, c); 1 × host cordoned (d)". */
export function summarizePlacement(total: number, fit: number, groups: readonly RejectionGroup[]): string {
  const head = `${fit} of ${total} hosts fit`;
  if (total === 0) return `${head}: there are no hosts to place on`;
  const lines = [...groups]
    .sort((a, b) => b.count - a.count || a.filterIndex - b.filterIndex)
    .map(groupLine);
  if (lines.length === 0) return head;
  return fit === 0 ? `${head}: ${lines.join('; ')}` : `${head}; rejected: ${lines.join('; ')}`;
}

function groupLine(g: RejectionGroup): string {
  if (g.examples.length === 0) return `${g.count} × ${g.headline}`;
  const more = g.count > g.examples.length ? 'e.g. ' : '';
  return `${g.count} × ${g.headline} (${more}${g.examples.join(', ')})`;
}

/** Headline for a filter without `summarize`: its most common reasons, most frequent first. */
export function commonReasons(reasonLists: readonly (readonly string[])[]): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonLists) {
    const key = reasons.join(', ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const distinct = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const quoted = distinct.slice(0, SUMMARY_DISTINCT_REASONS).map(([text]) => text);
  const rest = distinct.length - quoted.length;
  return rest > 0 ? `${quoted.join(' / ')} / ${rest} other reason${rest === 1 ? '' : 's'}` : quoted.join(' / ');
}
