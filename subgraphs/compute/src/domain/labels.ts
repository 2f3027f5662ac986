/** Labels as stored: a {key: value} map of strings. */
export type LabelMap = Record<string, string>;

/** One required label, as filters and host selectors state them. */
export interface LabelPair {
  key: string;
  value: string;
}

/**
 * The label map held in a JSON column. Anything that is not a string-valued object entry is
 * dropped rather than trusted: the column is JSON, so nothing stops a bad row.
 */
export function labelMapOf(json: unknown): LabelMap {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: LabelMap = {};
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}
