import { buildSchema, parse, subscribe, type ExecutionResult } from 'graphql';
import { InProcessEventBus, channels, type RequestContext } from '../../../subgraphs/platform/src';
import { buildSubscriptionSchema } from './subscription-schema';
import type { FollowUpExecutor } from './follow-up-executor';
import type { FollowUp } from './follow-up';

const api = buildSchema(`
  type Query { host(id: ID!): Host }
  type HostUsage { cpuPercent: Float!, memoryPercent: Float! }
  type Cluster { name: String! }
  type Host { id: ID!, hostname: String!, phase: String!, usage: HostUsage, cluster: Cluster }
  enum ChangeKind { CREATED UPDATED DELETED }
  type HostEvent { kind: ChangeKind!, host: Host! }
  type Subscription { hostChanged(id: ID): HostEvent! }
`);

const viewer: RequestContext = { viewer: { userId: 'u', username: 'v', role: 'VIEWER' }, authError: null, clientIp: null, requestId: 'r' };

function fakeFollowUps(answer: (q: FollowUp) => Record<string, unknown> | null) {
  const calls: FollowUp[] = [];
  const executor = { run: async (q: FollowUp) => { calls.push(q); return answer(q); } } as unknown as FollowUpExecutor;
  return { executor, calls };
}

const heartbeat = (version: number, cpu: number) => ({
  kind: 'UPDATED', id: 'h1', version, hostname: 'hv-1', phase: 'READY', schedulable: true,
  cpuPercent: cpu, memoryPercent: 40, lastHeartbeatAt: null, at: new Date().toISOString(),
});

async function open(query: string, followUps: FollowUpExecutor, bus: InProcessEventBus) {
  const schema = buildSubscriptionSchema(api, bus, followUps);
  const it = (await subscribe({ schema, document: parse(query), contextValue: viewer })) as AsyncIterableIterator<ExecutionResult>;
  // Let the generator reach the bus before publishing.
  const first = it.next();
  await new Promise((r) => setImmediate(r));
  return { it, first };
}

describe('subscription schema', () => {
  it('answers a selection of hot fields from the event alone, without a follow-up query', async () => {
    const bus = new InProcessEventBus();
    const { executor, calls } = fakeFollowUps(() => null);
    const { it, first } = await open('subscription { hostChanged { kind h: host { hostname phase usage { cpuPercent } } } }', executor, bus);
    await bus.publish(channels.host.all, heartbeat(1, 12.5));
    expect((await first).value).toEqual({ data: { hostChanged: { kind: 'UPDATED', h: { hostname: 'hv-1', phase: 'READY', usage: { cpuPercent: 12.5 } } } } });
    expect(calls).toHaveLength(0);
    await it.return?.();
  });

  it('fetches fields the event lacks through a follow-up query, keeping the aliases', async () => {
    const bus = new InProcessEventBus();
    const { executor, calls } = fakeFollowUps(() => ({ h: { hostname: 'hv-1', c: { name: 'prod' } } }));
    const { it, first } = await open('subscription { hostChanged { h: host { hostname c: cluster { name } } } }', executor, bus);
    await bus.publish(channels.host.all, heartbeat(1, 3));
    expect((await first).value).toEqual({ data: { hostChanged: { h: { hostname: 'hv-1', c: { name: 'prod' } } } } });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.text).toContain('h: host(id: $__id)');
    await it.return?.();
  });

  it('skips an event whose object the subscriber cannot read, and drops stale versions', async () => {
    const bus = new InProcessEventBus();
    let readable = false;
    const { executor } = fakeFollowUps(() => (readable ? { host: { cluster: null } } : null));
    const { it, first } = await open('subscription { hostChanged { host { cluster { name } } } }', executor, bus);
    await bus.publish(channels.host.all, heartbeat(5, 1)); // unreadable: skipped
    readable = true;
    await bus.publish(channels.host.all, heartbeat(4, 1)); // older than version 5: dropped
    await bus.publish(channels.host.all, heartbeat(6, 1));
    expect((await first).value).toEqual({ data: { hostChanged: { host: { cluster: null } } } });
    await it.return?.();
  });

  it('refuses a subscriber whose role may not read hosts', async () => {
    const schema = buildSubscriptionSchema(api, new InProcessEventBus(), fakeFollowUps(() => null).executor);
    const res = (await subscribe({ schema, document: parse('subscription { hostChanged { kind } }'), contextValue: { ...viewer, viewer: null } })) as ExecutionResult;
    expect(res.errors?.[0]?.message).toMatch(/Not authenticated/);
  });
});
