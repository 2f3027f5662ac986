// The agent's event numbering and fan-out to open WatchEvents streams. Sequence
// numbers restart at 1 with every boot, alongside a new boot id.
import type { WatchEventsResponse } from '../src/generated/limiquantix/agent/v1/agent';

export type EventBody = NonNullable<WatchEventsResponse['event']>;
export type EventListener = (event: WatchEventsResponse) => void;

export class EventBus {
  private sequence = 0;
  private readonly listeners = new Set<EventListener>();

  constructor(private currentBootId: string) {}

  get bootId(): string {
    return this.currentBootId;
  }

  /** Sequence of the last event emitted in this boot (0 before the first). */
  get lastSequence(): number {
    return this.sequence;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** A new agent process: new boot id, numbering from 1, no listeners. */
  reboot(bootId: string): void {
    this.currentBootId = bootId;
    this.sequence = 0;
    this.listeners.clear();
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: EventBody): void {
    this.sequence += 1;
    const message: WatchEventsResponse = { bootId: this.currentBootId, sequence: this.sequence, at: new Date(), event };
    for (const listener of [...this.listeners]) listener(message);
  }
}
