import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

export interface Subscription<T> {
  /** Waits for the first event (after those already taken) that satisfies the predicate. */
  next(predicate?: (event: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Every event received so far. */
  events: T[];
  errors: unknown[];
  close(): void;
}

/** A graphql-ws client like a browser's: the token travels in connectionParams. */
export function wsClient(httpUrl: string, token: string | undefined, onClose?: (code: number) => void): Client {
  return createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // Refused connections are asserted through onClose; graphql-ws would also log them.
    onNonLazyError: () => undefined,
    on: { closed: (e) => onClose?.((e as { code: number }).code) },
  });
}

export function subscribe<T = Record<string, unknown>>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const events: T[] = [];
  const errors: unknown[] = [];
  let taken = 0;
  const waiters = new Set<() => void>();
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        if (value.data) events.push(value.data as T);
        for (const w of waiters) w();
      },
      error: (err) => {
        errors.push(err);
        for (const w of waiters) w();
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    close: dispose,
    next: (predicate = () => true, timeoutMs = 15_000) =>
      new Promise<T>((resolve, reject) => {
        const check = () => {
          while (taken < events.length) {
            const e = events[taken] as T;
            taken += 1;
            if (predicate(e)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(e);
              return;
            }
          }
          if (errors.length) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(new Error(`subscription error: ${JSON.stringify(errors)}`));
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.slice(-5))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Polls until the condition holds (tests never sleep a fixed time). */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms; last: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
