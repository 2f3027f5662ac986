// Keeps one host's event stream alive: reconnects with backoff forever, and after
// every connection resynchronises through listVms before passing on events, so
// the consumer never misses a change made while the stream was down.
// Knows nothing of gRPC: the client hands it an `open` function.
import type { AgentEvent, AgentResyncPoint, AgentVmStatus, EventWatch, WatchEventsOptions } from '../agent-client';
import { backoffDelay, type BackoffPolicy } from '../resilience/backoff';

export interface StreamHandlers {
  /** The agent accepted the stream (response headers arrived). */
  onHeaders(): void;
  onEvent(event: AgentEvent): void;
  /** The stream is over, for whatever reason; called at most once. */
  onEnd(error: Error): void;
}

export interface EventWatchSource {
  open(handlers: StreamHandlers): { cancel(): void };
  listVms(): Promise<{ vms: AgentVmStatus[]; point: AgentResyncPoint }>;
}

export interface EventWatchPolicy {
  backoff: BackoffPolicy;
  /** A stream whose headers do not arrive within this time is abandoned and retried. */
  connectTimeoutMs: number;
  random: () => number;
}

/**
 * A buffered VM state change of the same boot at or below the list's sequence is
 * already in the list; passing it on would move the consumer back in time.
 * Heartbeats and operation completions are not part of the list, so they pass.
 */
export function isReflectedIn(event: AgentEvent, point: AgentResyncPoint): boolean {
  return event.kind === 'vmState' && event.bootId === point.bootId && event.seq <= point.seq;
}

interface Session {
  stream: { cancel(): void } | undefined;
  /** Events that arrived before the resync list; delivered after it. */
  buffer: AgentEvent[];
  resynced: boolean;
  ended: boolean;
  connectTimer: NodeJS.Timeout | undefined;
}

export class ReconnectingEventWatch implements EventWatch {
  private closed = false;
  private failures = 0;
  private session: Session | undefined;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly source: EventWatchSource,
    private readonly policy: EventWatchPolicy,
    private readonly onEvent: (event: AgentEvent) => void,
    private readonly onResync: (vms: AgentVmStatus[], point: AgentResyncPoint) => void,
    private readonly options: WatchEventsOptions = {},
  ) {
    this.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    const session = this.session;
    if (session) this.end(session);
  }

  private connect(): void {
    if (this.closed) return;
    const session: Session = { stream: undefined, buffer: [], resynced: false, ended: false, connectTimer: undefined };
    this.session = session;
    session.connectTimer = setTimeout(
      () => this.fail(session, new Error(`event stream not accepted within ${this.policy.connectTimeoutMs} ms`)),
      this.policy.connectTimeoutMs,
    );
    session.stream = this.source.open({
      onHeaders: () => {
        if (session.ended) return;
        clearTimeout(session.connectTimer);
        void this.resync(session);
      },
      onEvent: (event) => {
        if (session.ended) return;
        if (session.resynced) this.deliver(event);
        else session.buffer.push(event);
      },
      onEnd: (error) => this.fail(session, error),
    });
  }

  private async resync(session: Session): Promise<void> {
    let snapshot: { vms: AgentVmStatus[]; point: AgentResyncPoint };
    try {
      snapshot = await this.source.listVms();
    } catch (error) {
      this.fail(session, error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (session.ended) return;
    this.failures = 0;
    this.guard(() => this.onResync(snapshot.vms, snapshot.point));
    session.resynced = true;
    for (const event of session.buffer) if (!isReflectedIn(event, snapshot.point)) this.deliver(event);
    session.buffer = [];
    this.guard(() => this.options.onConnectionChange?.({ connected: true }));
  }

  /** Ends the session and schedules the next connection. */
  private fail(session: Session, error: Error): void {
    if (session.ended) return;
    const wasConnected = session.resynced;
    this.end(session);
    if (this.closed) return;
    if (wasConnected) this.guard(() => this.options.onConnectionChange?.({ connected: false, error }));
    this.failures += 1;
    this.retryTimer = setTimeout(() => this.connect(), backoffDelay(this.failures, this.policy.backoff, this.policy.random));
  }

  private end(session: Session): void {
    session.ended = true;
    session.buffer = [];
    clearTimeout(session.connectTimer);
    session.stream?.cancel();
  }

  private deliver(event: AgentEvent): void {
    this.guard(() => this.onEvent(event));
  }

  /** A throwing handler must not kill the watch; report it and carry on. */
  private guard(handler: () => void): void {
    try {
      handler();
    } catch (error) {
      if (this.options.onHandlerError) this.options.onHandlerError(error);
      else process.emitWarning(`agent event handler threw: ${String(error)}`);
    }
  }
}
