// Tests await asynchronous outcomes by polling for them, never by sleeping a
// fixed time: fast when things are fast, and a clear failure when they never happen.

/** Resolves with the first truthy value of `probe`, or rejects after `timeoutMs`. */
export async function pollUntil<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
