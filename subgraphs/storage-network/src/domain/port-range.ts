/** A TCP/UDP port range, both ends included. `null` elsewhere means every port. */
export interface PortRange {
  start: number;
  end: number;
}

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

const RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

export type ParsedPortRange = { ok: true; value: PortRange | null } | { ok: false; reason: string };

/**
 * Parses "22" or "8000-8080" (1..65535, start <= end); null stands for all ports. No spaces,
 * signs or other separators, so the stored text has one spelling per range.
 */
export function parsePortRange(text: string | null): ParsedPortRange {
  if (text === null) return { ok: true, value: null };
  const match = RANGE.exec(text);
  if (!match) return { ok: false, reason: `${JSON.stringify(text)} is not a port range: use e.g. 22 or 8000-8080` };
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const port of [start, end]) {
    if (port < MIN_PORT || port > MAX_PORT) {
      return { ok: false, reason: `port ${port} is out of range: ports are ${MIN_PORT} to ${MAX_PORT}` };
    }
  }
  if (start > end) return { ok: false, reason: `port range ${text} ends before it starts` };
  return { ok: true, value: { start, end } };
}

/** The canonical text of a range: "22" for a single port (also from "22-22"), "8000-8080". */
export function formatPortRange(range: PortRange | null): string | null {
  if (range === null) return null;
  return range.start === range.end ? String(range.start) : `${range.start}-${range.end}`;
}
