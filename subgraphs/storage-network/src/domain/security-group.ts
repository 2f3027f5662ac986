export const Direction = {
  INBOUND: 'INBOUND',
  OUTBOUND: 'OUTBOUND',
} as const;
export type Direction = (typeof Direction)[keyof typeof Direction];

export const Protocol = {
  TCP: 'TCP',
  UDP: 'UDP',
  ICMP: 'ICMP',
  ANY: 'ANY',
} as const;
export type Protocol = (typeof Protocol)[keyof typeof Protocol];

export const RuleAction = {
  ALLOW: 'ALLOW',
  DENY: 'DENY',
} as const;
export type RuleAction = (typeof RuleAction)[keyof typeof RuleAction];

export interface SecurityGroupRecord {
  id: string;
  name: string;
  description: string | null;
  isDefault: boolean;
  createdAt: Date;
}

export interface SecurityRuleRecord {
  id: string;
  securityGroupId: string;
  direction: Direction;
  protocol: Protocol;
  /** "22" or "8000-8080"; null for all ports. */
  portRange: string | null;
  remoteCidr: string;
  action: RuleAction;
  /** Lower numbers are evaluated first; ties go to the older rule. */
  priority: number;
  description: string | null;
  createdAt: Date;
}

