import { InProcessEventBus, RedisEventBus, type EventBus } from './event-bus';
import { EventQueue } from './event-queue';

describe('EventQueue', () => {
  it('drops the oldest events when a slow subscriber falls behind', async () => {
    const q = new EventQueue<number>(2);
    [1, 2, 3].forEach((n) => q.push(n));
    expect(q.dropped).toBe(1);
    expect((await q.next()).value).toBe(2);
    expect((await q.next()).value).toBe(3);
  });

  it('ends waiting readers when closed', async () => {
    const q = new EventQueue<number>(2);
    const pending = q.next();
    await q.return();
    expect(await pending).toEqual({ value: undefined, done: true });
  });
});

const redisUrl = process.env.TEST_REDIS_URL;
const buses: Array<[string, () => EventBus]> = [['in-process', () => new InProcessEventBus()]];
if (redisUrl) buses.push(['redis', () => new RedisEventBus(redisUrl)]);

describe.each(buses)('%s event bus', (name, make) => {
  it('delivers JSON payloads to every subscriber of a channel and none after unsubscribing', async () => {
    const shared = name === 'redis';
    const a = make();
    // Over Redis, two buses stand for two gateway replicas; in-process there is one bus.
    const b = shared ? make() : a;
    const channel = `test.${process.pid}.${Math.random()}`;
    const s1 = a.subscribe<{ n: number; at: string }>(channel);
    const s2 = b.subscribe<{ n: number; at: string }>(channel);
    await Promise.all([s1.ready, s2.ready]);
    const at = new Date('2026-01-01T00:00:00Z');
    const publisher = b;
    await publisher.publish(channel, { n: 1, at });
    expect((await s1.next()).value).toEqual({ n: 1, at: at.toISOString() });
    expect((await s2.next()).value).toEqual({ n: 1, at: at.toISOString() });
    await s1.return();
    await publisher.publish(channel, { n: 2, at });
    expect(await s1.next()).toEqual({ value: undefined, done: true });
    await Promise.all(shared ? [a.close(), b.close()] : [a.close()]);
  });
});
