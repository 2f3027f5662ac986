// A per-host circuit breaker. While an agent is down, callers fail fast instead
// of each waiting out deadlines and retries, and the agent is not hammered when
// it comes back: after the cool-down a single trial call decides.

export interface CircuitBreakerPolicy {
  /** Consecutive failures that open the breaker. Default 5. */
  failureThreshold: number;
  /** How long it stays open before letting one trial call through. Default 10 000 ms. */
  cooldownMs: number;
}

export const DEFAULT_BREAKER_POLICY: CircuitBreakerPolicy = { failureThreshold: 5, cooldownMs: 10_000 };

export type CircuitState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(
    private readonly policy: CircuitBreakerPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.policy.cooldownMs ? 'half-open' : 'open';
  }

  /**
   * Asks to make a call. True means go ahead, and the caller must then report
   * recordSuccess or recordFailure. In half-open, only one trial is let through.
   */
  tryAcquire(): boolean {
    switch (this.state) {
      case 'closed':
        return true;
      case 'open':
        return false;
      case 'half-open':
        if (this.trialInFlight) return false;
        this.trialInFlight = true;
        return true;
    }
  }

  /** The agent answered (with a result or a refusal: either way it is alive). */
  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  /** The agent was unreachable or did not answer in time. */
  recordFailure(): void {
    this.consecutiveFailures += 1;
    if (this.trialInFlight || this.consecutiveFailures >= this.policy.failureThreshold) {
      this.openedAt = this.now();
    }
    this.trialInFlight = false;
  }

  /** A call acquired but never made (client closed first): let another trial go. */
  release(): void {
    this.trialInFlight = false;
  }
}
