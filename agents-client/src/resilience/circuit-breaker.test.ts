import { CircuitBreaker } from './circuit-breaker';

function breakerWithClock(failureThreshold = 3, cooldownMs = 1_000) {
  const clock = { now: 0 };
  return { clock, breaker: new CircuitBreaker({ failureThreshold, cooldownMs }, () => clock.now) };
}

describe('CircuitBreaker', () => {
  it('stays closed while failures stay below the threshold', () => {
    const { breaker } = breakerWithClock(3);
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens after the threshold of consecutive failures and refuses calls', () => {
    const { breaker } = breakerWithClock(3);
    for (let i = 0; i < 3; i += 1) breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('counts only consecutive failures: a success in between resets the count', () => {
    const { breaker } = breakerWithClock(3);
    breaker.recordFailure();
    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one trial call through once the cool-down has passed', () => {
    const { breaker, clock } = breakerWithClock(1, 1_000);
    breaker.recordFailure();
    clock.now = 999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 1_000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('closes when the trial call succeeds', () => {
    const { breaker, clock } = breakerWithClock(1, 1_000);
    breaker.recordFailure();
    clock.now = 1_000;
    breaker.tryAcquire();
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
  });

  it('reopens for a full cool-down when the trial call fails', () => {
    const { breaker, clock } = breakerWithClock(5, 1_000);
    for (let i = 0; i < 5; i += 1) breaker.recordFailure();
    clock.now = 1_500;
    breaker.tryAcquire();
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.now = 2_499;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 2_500;
    expect(breaker.tryAcquire()).toBe(true);
  });
});
