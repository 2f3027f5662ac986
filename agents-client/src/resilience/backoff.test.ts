import { backoffDelay } from './backoff';

const policy = { initialMs: 100, maxMs: 1_000 };

describe('backoffDelay', () => {
  it.each([
    // attempt, random, expected: half of the ceiling fixed, half jittered
    [1, 0, 50],
    [1, 0.999, 100],
    [2, 0, 100],
    [3, 0.5, 300],
    [4, 0, 400],
    [5, 0, 500], // 1 600 capped at 1 000
    [30, 0.999, 1_000],
  ])('waits for retry %d with random %d for %d ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });
});
