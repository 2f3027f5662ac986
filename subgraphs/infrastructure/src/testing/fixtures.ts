// Shared by this subgraph's tests: stand-ins for its live dependencies, polling, and a
// recorder of host change events. Not part of the package's API.
import type { AgentConnector } from '../../../../agents-client/src';
import { channels, type Coordination, type EventBus, type HostChangedEvent } from '../../../platform/src';
import type { InfrastructureDeps, Logger } from '../index';

// The platform's, re-exported so that this subgraph's tests find all their helpers here.
export { pollUntil } from '../../../platform/src/testing/poll-until';

/** An object any use of which throws: what the schema-only composition path passes. */
export function refusing<T>(what: string): T {
  return new Proxy(
    {},
    {
      get: (_target, prop) => {
        throw new Error(`${what}.${String(prop)} used`);
      },
    },
  ) as T;
}

/** Live dependencies that refuse every use: for tests that only query the database. */
export function refusingLiveDeps(): Pick<InfrastructureDeps, 'agents' | 'coordination' | 'events' | 'heartbeat' | 'log'> {
  return {
    agents: refusing<AgentConnector>('agents'),
    coordination: refusing<Coordination>('coordination'),
    events: refusing<EventBus>('events'),
    heartbeat: { intervalMs: 30_000, failureThreshold: 3 },
    log: quietLog().log,
  };
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function quietLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`) } };
}

/** Records every host change event published on the bus from now on. */
export function recordHostEvents(bus: EventBus): { events: HostChangedEvent[]; of(hostId: string): HostChangedEvent[]; stop(): void } {
  const events: HostChangedEvent[] = [];
  const queue = bus.subscribe<HostChangedEvent>(channels.host.all);
  void (async () => {
    for await (const event of queue) events.push(event);
  })();
  return { events, of: (hostId) => events.filter((e) => e.id === hostId), stop: () => void queue.return() };
}
