/** Exponential backoff without jitter: initialMs, doubling per attempt, capped at maxMs. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** The wait before attempt `attempt + 1` after `attempt` failed attempts (attempt >= 1). */
export function backoffMs(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, Math.min(30, attempt - 1));
  return Math.min(policy.maxMs, policy.initialMs * 2 ** exponent);
}
