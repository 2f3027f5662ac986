/** One audited mutation, as the platform's audit middleware recorded it. */
export interface AuditEntry {
  id: string;
  actor: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  /** SUCCESS, USER_ERROR, DENIED or ERROR. */
  outcome: string;
  details: unknown;
  ipAddress: string | null;
  at: Date;
}

export interface AuditFilter {
  actor?: string | null;
  resourceId?: string | null;
  action?: string | null;
  /** Entries at or after this instant. */
  since?: Date | null;
}
