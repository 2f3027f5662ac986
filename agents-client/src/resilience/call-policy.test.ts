import { status, Metadata, type ServiceError } from '@grpc/grpc-js';
import { AgentCallError, AgentUnavailableError } from '../agent.errors';
import { CallPolicy } from './call-policy';
import { CircuitBreaker } from './circuit-breaker';

function grpcError(code: status, details = 'boom'): ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new Metadata() });
}

function policy(options: { maxAttempts?: number; failureThreshold?: number; backoffMs?: number } = {}) {
  const abort = new AbortController();
  const breaker = new CircuitBreaker({ failureThreshold: options.failureThreshold ?? 100, cooldownMs: 60_000 });
  const backoffMs = options.backoffMs ?? 1;
  const calls = new CallPolicy({
    address: 'hv-1:7000',
    deadlineMs: 1_000,
    retry: { maxAttempts: options.maxAttempts ?? 4, initialMs: backoffMs, maxMs: backoffMs },
    breaker,
    random: () => 0,
    signal: abort.signal,
  });
  return { calls, breaker, abort };
}

/** An attempt function that fails with the given codes in turn, then answers "ok". */
function failingWith(...codes: status[]) {
  const attempts: Date[] = [];
  const attempt = async (deadline: Date) => {
    attempts.push(deadline);
    const code = codes[attempts.length - 1];
    if (code !== undefined) throw grpcError(code);
    return 'ok';
  };
  return { attempt, attempts };
}

describe('CallPolicy', () => {
  it('retries UNAVAILABLE and DEADLINE_EXCEEDED until the agent answers', async () => {
    const { calls } = policy();
    const { attempt, attempts } = failingWith(status.UNAVAILABLE, status.DEADLINE_EXCEEDED);
    await expect(calls.run('StartVm', attempt)).resolves.toBe('ok');
    expect(attempts).toHaveLength(3);
  });

  it('gives every attempt its own deadline', async () => {
    const { calls } = policy();
    const { attempt, attempts } = failingWith(status.UNAVAILABLE);
    const before = Date.now();
    await calls.run('StartVm', attempt);
    for (const deadline of attempts) expect(deadline.getTime()).toBeGreaterThanOrEqual(before + 1_000);
  });

  it('does not retry a refusal and reports it as AgentCallError with the mapped code', async () => {
    const { calls } = policy();
    const { attempt, attempts } = failingWith(status.FAILED_PRECONDITION);
    await expect(calls.run('StartVm', attempt)).rejects.toMatchObject({ name: 'AgentCallError', code: 'INVALID_STATE' });
    expect(attempts).toHaveLength(1);
  });

  it('gives up after maxAttempts with AgentUnavailableError', async () => {
    const { calls } = policy({ maxAttempts: 2 });
    const { attempt, attempts } = failingWith(status.UNAVAILABLE, status.UNAVAILABLE, status.UNAVAILABLE);
    const failure = calls.run('GetHostInfo', attempt);
    await expect(failure).rejects.toBeInstanceOf(AgentUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'UNAVAILABLE', address: 'hv-1:7000' });
    expect(attempts).toHaveLength(2);
  });

  it('fails fast with CIRCUIT_OPEN once the breaker has opened, without calling the agent', async () => {
    const { calls } = policy({ maxAttempts: 1, failureThreshold: 2 });
    const { attempt, attempts } = failingWith(status.UNAVAILABLE, status.UNAVAILABLE, status.UNAVAILABLE);
    await expect(calls.run('GetHostInfo', attempt)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(calls.run('GetHostInfo', attempt)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(calls.run('GetHostInfo', attempt)).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(attempts).toHaveLength(2);
  });

  it('treats a refusal as proof of life: it resets the failure count', async () => {
    const { calls, breaker } = policy({ maxAttempts: 1, failureThreshold: 2 });
    await calls.run('A', failingWith(status.UNAVAILABLE).attempt).catch(() => undefined);
    await calls.run('B', failingWith(status.NOT_FOUND).attempt).catch(() => undefined);
    await calls.run('C', failingWith(status.UNAVAILABLE).attempt).catch(() => undefined);
    expect(breaker.state).toBe('closed');
  });

  it('stops waiting between retries when the client closes, and refuses new calls', async () => {
    const { calls, abort } = policy({ backoffMs: 60_000 });
    const pending = calls.run('StartVm', failingWith(status.UNAVAILABLE).attempt);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(calls.run('StartVm', failingWith().attempt)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it.each([
    [status.NOT_FOUND, 'NOT_FOUND'],
    [status.ALREADY_EXISTS, 'ALREADY_EXISTS'],
    [status.RESOURCE_EXHAUSTED, 'NO_CAPACITY'],
    [status.INVALID_ARGUMENT, 'INVALID_ARGUMENT'],
    [status.ABORTED, 'REJECTED'],
    [status.INTERNAL, 'REJECTED'],
  ])('maps gRPC status %d to the refusal code %s', async (code, expected) => {
    const { calls } = policy();
    const failure = calls.run('X', failingWith(code).attempt);
    await expect(failure).rejects.toBeInstanceOf(AgentCallError);
    await expect(failure).rejects.toMatchObject({ code: expected });
  });
});
