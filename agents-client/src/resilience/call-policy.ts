// Every unary agent call goes through here: a deadline per attempt, retries with
// backoff for the failures a retry can fix, and the host's circuit breaker.
// Retrying is safe for every agent RPC: reads have no effect, and mutating calls
// carry an operation id the agent deduplicates.
import { AgentUnavailableError, isRetryable, toAgentError } from '../agent.errors';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff';
import type { CircuitBreaker } from './circuit-breaker';

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, initialMs: 100, maxMs: 2_000 };

export interface CallPolicyOptions {
  address: string;
  /** Deadline of each attempt. */
  deadlineMs: number;
  retry: RetryPolicy;
  breaker: CircuitBreaker;
  random: () => number;
  /** Aborted when the client closes: pending backoffs end at once. */
  signal: AbortSignal;
}

export class CallPolicy {
  constructor(private readonly options: CallPolicyOptions) {}

  /** Runs `attempt` with a fresh deadline until it succeeds or a retry cannot help. */
  async run<T>(method: string, attempt: (deadline: Date) => Promise<T>): Promise<T> {
    const { address, breaker, retry, signal } = this.options;
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      if (signal.aborted) throw new AgentUnavailableError('CLOSED', address, `${method} on ${address}: client closed`);
      if (!breaker.tryAcquire()) {
        throw new AgentUnavailableError(
          'CIRCUIT_OPEN',
          address,
          `${method} on ${address}: circuit open after repeated failures`,
        );
      }
      let failure;
      try {
        const result = await attempt(new Date(Date.now() + this.options.deadlineMs));
        breaker.recordSuccess();
        return result;
      } catch (error) {
        failure = toAgentError(error, address, method);
        if (failure.code === 'CLOSED') breaker.release();
        else if (isRetryable(failure)) breaker.recordFailure();
        else breaker.recordSuccess(); // a refusal still proves the agent is up
      }
      if (!isRetryable(failure) || attemptNumber >= retry.maxAttempts) throw failure;
      try {
        await sleep(backoffDelay(attemptNumber, retry, this.options.random), signal);
      } catch {
        throw new AgentUnavailableError('CLOSED', address, `${method} on ${address}: client closed`, { cause: failure });
      }
    }
  }
}
