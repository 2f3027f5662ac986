import { EventEmitter } from 'node:events';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { EventQueue } from './event-queue';

/** Events kept per subscriber before the oldest are dropped. */
export const SUBSCRIBER_BUFFER = 1000;

/**
 * Fan-out of change events from whichever process made the change to every process serving
 * subscribers. Payloads are JSON: the in-process bus serializes too, so both adapters
 * deliver exactly the same shapes (dates as ISO strings).
 */
export interface EventBus {
  publish(channel: string, payload: object): Promise<void>;
  /** Events on the channel from now on; `return()` unsubscribes. */
  subscribe<T = unknown>(channel: string): EventQueue<T>;
  close(): Promise<void>;
}

/** The embedded mode's bus: one process, no Redis. */
export class InProcessEventBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(channel: string, payload: object): Promise<void> {
    const json = JSON.stringify(payload);
    this.emitter.emit(channel, json);
  }

  subscribe<T>(channel: string): EventQueue<T> {
    const listener = (json: string) => queue.push(JSON.parse(json) as T);
    const queue: EventQueue<T> = new EventQueue<T>(SUBSCRIBER_BUFFER, () => this.emitter.off(channel, listener));
    this.emitter.on(channel, listener);
    return queue;
  }

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/**
 * Redis pub/sub through graphql-redis-subscriptions, so any gateway replica can serve any
 * subscriber: every replica subscribed to a channel receives every event published on it.
 */
export class RedisEventBus implements EventBus {
  private readonly pubsub: RedisPubSub;
  private readonly clients: Redis[];
  private closed = false;

  /** `namespace` prefixes every channel, so several deployments can share one Redis. */
  constructor(url: string, private readonly namespace = 'limiquantix') {
    const options = { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    this.clients = [publisher, subscriber];
    this.pubsub = new RedisPubSub({ publisher, subscriber });
  }

  async publish(channel: string, payload: object): Promise<void> {
    await this.pubsub.publish(`${this.namespace}:${channel}`, payload);
  }

  subscribe<T>(channel: string): EventQueue<T> {
    let subId: number | undefined;
    let closed = false;
    const queue = new EventQueue<T>(SUBSCRIBER_BUFFER, () => {
      closed = true;
      this.unsubscribe(subId);
    });
    queue.ready = this.pubsub
      .subscribe<T>(`${this.namespace}:${channel}`, (message) => queue.push(message))
      .then((id) => {
        subId = id;
        if (closed) this.unsubscribe(id);
      })
      .catch(() => queue.close());
    return queue;
  }

  /** Subscribers that end after the bus closed have nothing left to unsubscribe from. */
  private unsubscribe(subId: number | undefined): void {
    if (subId === undefined || this.closed) return;
    try {
      this.pubsub.unsubscribe(subId);
    } catch {
      // connection already gone: the subscription went with it
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pubsub.close().catch(() => undefined);
    for (const c of this.clients) c.disconnect();
  }
}

export function createEventBus(redisUrl: string | undefined, namespace?: string): EventBus {
  return redisUrl ? new RedisEventBus(redisUrl, namespace) : new InProcessEventBus();
}
