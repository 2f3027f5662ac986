// Tests await asynchronous outcomes by polling for them, never by sleeping a fixed time: fast
// when things are fast, and a clear failure when they never happen. agents-client/sim keeps its
// own copy, since agents-client does not depend on the subgraphs.

/** What pollUntil asks, again and again, until it answers with something truthy. */
export type Probe<T> = () => T | undefined | null | false | Promise<T | undefined | null | false>;

/**
 * Resolves with the first truthy value of `probe`, or rejects after `timeoutMs` naming `what`
 * and the probe's last error. A probe that throws is tried again.
 * @param timeoutMs how long to keep trying; default 5 s.
 * @param everyMs the pause between two tries; default 10 ms.
 */
export async function pollUntil<T>(
  probe: Probe<T>,
  what: string,
  timeoutMs = 5_000,
  everyMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
