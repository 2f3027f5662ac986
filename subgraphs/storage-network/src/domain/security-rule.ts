import { formatCidr, parseCidr } from './ipv4';
import { formatPortRange, parsePortRange } from './port-range';
import type { Direction, Protocol, RuleAction } from './security-group';

/** A rule as a caller asks for it, before validation. */
export interface SecurityRuleDraft {
  direction: Direction;
  protocol: Protocol;
  portRange: string | null;
  remoteCidr: string;
  action: RuleAction;
  /** Absent: DEFAULT_RULE_PRIORITY. */
  priority?: number | null;
  description?: string | null;
}

/** A rule fit to store, with its port range and CIDR in canonical spelling. */
export interface ValidSecurityRule {
  direction: Direction;
  protocol: Protocol;
  portRange: string | null;
  remoteCidr: string;
  action: RuleAction;
  priority: number;
  description: string | null;
}

export interface RuleProblem {
  /** The draft field at fault; the service prefixes the input path. */
  field: 'portRange' | 'remoteCidr' | 'priority' | 'description';
  message: string;
}

/** The database default, so a rule created without a priority sorts with seeded ones. */
export const DEFAULT_RULE_PRIORITY = 100;
/** Priorities are 0..65535, lower first (the range of common firewall rule priorities). */
export const MIN_RULE_PRIORITY = 0;
export const MAX_RULE_PRIORITY = 65535;
export const MAX_RULE_DESCRIPTION_LENGTH = 255;

/** Whether the protocol has ports at all: ICMP has none and ANY spans protocols without them. */
export function protocolHasPorts(protocol: Protocol): boolean {
  switch (protocol) {
    case 'TCP':
    case 'UDP':
      return true;
    case 'ICMP':
    case 'ANY':
      return false;
    default: {
      const unreachable: never = protocol;
      throw new Error(`Unknown protocol: ${String(unreachable)}`);
    }
  }
}

/**
 * Checks a rule and reports every problem at once: ICMP and ANY take no port range (null means
 * all ports for TCP/UDP), the remote CIDR is any valid block including 0.0.0.0/0, the priority
 * is an integer in 0..65535 and the description fits 255 characters.
 */
export function validateSecurityRule(draft: SecurityRuleDraft): { ok: true; rule: ValidSecurityRule } | { ok: false; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];

  let portRange: string | null = null;
  if (draft.portRange !== null && !protocolHasPorts(draft.protocol)) {
    problems.push({ field: 'portRange', message: `${draft.protocol} rules take no port range: leave portRange empty` });
  } else {
    const parsed = parsePortRange(draft.portRange);
    if (parsed.ok) portRange = formatPortRange(parsed.value);
    else problems.push({ field: 'portRange', message: parsed.reason });
  }

  const cidr = parseCidr(draft.remoteCidr);
  if (!cidr.ok) problems.push({ field: 'remoteCidr', message: cidr.reason });

  const priority = draft.priority ?? DEFAULT_RULE_PRIORITY;
  if (!Number.isInteger(priority) || priority < MIN_RULE_PRIORITY || priority > MAX_RULE_PRIORITY) {
    problems.push({ field: 'priority', message: `priority must be an integer from ${MIN_RULE_PRIORITY} to ${MAX_RULE_PRIORITY}` });
  }

  const description = draft.description ?? null;
  if (description !== null && description.length > MAX_RULE_DESCRIPTION_LENGTH) {
    problems.push({ field: 'description', message: `description must be at most ${MAX_RULE_DESCRIPTION_LENGTH} characters` });
  }

  if (problems.length > 0 || !cidr.ok) return { ok: false, problems };
  return {
    ok: true,
    rule: {
      direction: draft.direction,
      protocol: draft.protocol,
      portRange,
      remoteCidr: formatCidr(cidr.value),
      action: draft.action,
      priority,
      description,
    },
  };
}
