import type { EventBus } from './event-bus';
import {
  hostChannels,
  taskChannels,
  vmChannels,
  type HostChangedEvent,
  type TaskChangedEvent,
  type VmChangedEvent,
} from './topics';

/**
 * Typed publishing of change events. Publishing never fails the caller's operation: the
 * change is already committed, and subscribers recover from a lost event by re-querying.
 */
export class ChangePublisher {
  constructor(private readonly bus: EventBus, private readonly onError: (err: unknown) => void = (e) => console.error('event publish failed', e)) {}

  vm(e: VmChangedEvent): Promise<void> {
    return this.fanOut(vmChannels(e), e);
  }

  host(e: HostChangedEvent): Promise<void> {
    return this.fanOut(hostChannels(e), e);
  }

  task(e: TaskChangedEvent): Promise<void> {
    return this.fanOut(taskChannels(e), e);
  }

  private async fanOut(list: string[], payload: object): Promise<void> {
    try {
      await Promise.all(list.map((c) => this.bus.publish(c, payload)));
    } catch (err) {
      this.onError(err);
    }
  }
}
