import type { AgentEvent, AgentResyncPoint, AgentVmStatus } from '../agent-client';
import { pollUntil } from '../../sim/poll-until';
import { isReflectedIn, ReconnectingEventWatch, type EventWatchSource, type StreamHandlers } from './event-watch';

/** A typed fake of the gRPC side: the test plays the agent. */
class FakeSource implements EventWatchSource {
  streams: { handlers: StreamHandlers; cancelled: boolean }[] = [];
  snapshots: { vms: AgentVmStatus[]; point: AgentResyncPoint }[] = [];
  listVmsCalls = 0;
  private pendingList: ((value: { vms: AgentVmStatus[]; point: AgentResyncPoint }) => void)[] = [];

  open(handlers: StreamHandlers) {
    const stream = { handlers, cancelled: false };
    this.streams.push(stream);
    return { cancel: () => void (stream.cancelled = true) };
  }

  listVms() {
    this.listVmsCalls += 1;
    return new Promise<{ vms: AgentVmStatus[]; point: AgentResyncPoint }>((resolve) => this.pendingList.push(resolve));
  }

  answerList(vms: AgentVmStatus[], point: AgentResyncPoint) {
    const resolve = this.pendingList.shift();
    if (!resolve) throw new Error('no ListVms call is waiting');
    resolve({ vms, point });
  }

  get latest() {
    const stream = this.streams[this.streams.length - 1];
    if (!stream) throw new Error('no stream opened');
    return stream.handlers;
  }
}

const vmState = (seq: number, state: 'STARTING' | 'RUNNING', bootId = 'boot-1'): AgentEvent => ({
  kind: 'vmState',
  bootId,
  seq,
  at: new Date(),
  vmId: 'vm-1',
  state,
});
const heartbeat = (seq: number): AgentEvent => ({
  kind: 'heartbeat',
  bootId: 'boot-1',
  seq,
  at: new Date(),
  cpuPercent: 1,
  memoryPercent: 2,
  vmCount: 1,
  runningVmCount: 1,
  intervalMs: 1_000,
});
const runningVm: AgentVmStatus = { vmId: 'vm-1', name: 'one', state: 'RUNNING', vcpus: 1, memoryMib: 512, volumeIds: [], snapshotIds: [], macAddresses: [] };

function startWatch(source: FakeSource) {
  const log: string[] = [];
  const watch = new ReconnectingEventWatch(
    source,
    { backoff: { initialMs: 1, maxMs: 5 }, connectTimeoutMs: 1_000, random: () => 0 },
    (event) => log.push(`${event.kind}:${event.seq}`),
    (vms, point) => log.push(`resync:${vms.length}@${point.bootId}/${point.seq}`),
    { onConnectionChange: (change) => log.push(change.connected ? 'up' : 'down') },
  );
  return { log, watch };
}

describe('ReconnectingEventWatch', () => {
  it('hands over the resync list before any event, then events in order', async () => {
    const source = new FakeSource();
    const { log, watch } = startWatch(source);
    source.latest.onHeaders();
    source.latest.onEvent(heartbeat(1));
    await pollUntil(() => source.listVmsCalls === 1, 'the resync call');
    source.answerList([runningVm], { bootId: 'boot-1', seq: 0 });
    await pollUntil(() => log.includes('up'), 'the connection to come up');
    source.latest.onEvent(vmState(2, 'RUNNING'));
    expect(log).toEqual(['resync:1@boot-1/0', 'heartbeat:1', 'up', 'vmState:2']);
    watch.close();
  });

  it('drops buffered state changes the resync list already reflects, but keeps heartbeats', async () => {
    const source = new FakeSource();
    const { log, watch } = startWatch(source);
    source.latest.onHeaders();
    source.latest.onEvent(vmState(4, 'STARTING'));
    source.latest.onEvent(heartbeat(5));
    source.latest.onEvent(vmState(6, 'RUNNING'));
    await pollUntil(() => source.listVmsCalls === 1, 'the resync call');
    source.answerList([runningVm], { bootId: 'boot-1', seq: 5 });
    await pollUntil(() => log.includes('up'), 'the connection to come up');
    expect(log).toEqual(['resync:1@boot-1/5', 'heartbeat:5', 'vmState:6', 'up']);
    watch.close();
  });

  it('reconnects after the stream ends and resyncs again', async () => {
    const source = new FakeSource();
    const { log, watch } = startWatch(source);
    source.latest.onHeaders();
    await pollUntil(() => source.listVmsCalls === 1, 'the first resync call');
    source.answerList([], { bootId: 'boot-1', seq: 0 });
    await pollUntil(() => log.includes('up'), 'the first connection');
    source.latest.onEnd(new Error('agent crashed'));
    await pollUntil(() => source.streams.length === 2, 'a second stream');
    source.latest.onHeaders();
    await pollUntil(() => source.listVmsCalls === 2, 'the second resync call');
    source.answerList([runningVm], { bootId: 'boot-2', seq: 1 });
    await pollUntil(() => log.filter((entry) => entry === 'up').length === 2, 'the second connection');
    expect(log).toEqual(['resync:0@boot-1/0', 'up', 'down', 'resync:1@boot-2/1', 'up']);
    watch.close();
  });

  it('abandons a stream the agent never accepts and tries again', async () => {
    const source = new FakeSource();
    const watch = new ReconnectingEventWatch(
      source,
      { backoff: { initialMs: 1, maxMs: 5 }, connectTimeoutMs: 20, random: () => 0 },
      () => undefined,
      () => undefined,
    );
    await pollUntil(() => source.streams.length >= 2, 'a second attempt');
    expect(source.streams[0]?.cancelled).toBe(true);
    watch.close();
  });

  it('keeps going when a handler throws, and reports the error', async () => {
    const source = new FakeSource();
    const errors: unknown[] = [];
    let resynced = false;
    const watch = new ReconnectingEventWatch(
      source,
      { backoff: { initialMs: 1, maxMs: 5 }, connectTimeoutMs: 1_000, random: () => 0 },
      () => {
        throw new Error('consumer bug');
      },
      () => void (resynced = true),
      { onHandlerError: (error) => errors.push(error) },
    );
    source.latest.onHeaders();
    await pollUntil(() => source.listVmsCalls === 1, 'the resync call');
    source.answerList([], { bootId: 'boot-1', seq: 0 });
    await pollUntil(() => resynced, 'the resync');
    source.latest.onEvent(heartbeat(1));
    source.latest.onEvent(heartbeat(2));
    await pollUntil(() => errors.length === 2, 'both errors');
    expect(source.streams).toHaveLength(1);
    watch.close();
  });

  it('stops reconnecting once closed', async () => {
    const source = new FakeSource();
    const { watch } = startWatch(source);
    watch.close();
    expect(source.streams[0]?.cancelled).toBe(true);
    source.latest.onEnd(new Error('cancelled'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.streams).toHaveLength(1);
  });

  it.each([
    ['a state change at the list sequence', true, vmState(5, 'RUNNING')],
    ['a state change after the list sequence', false, vmState(6, 'RUNNING')],
    ['a state change of another boot', false, vmState(2, 'RUNNING', 'boot-0')],
    ['a heartbeat before the list sequence', false, heartbeat(3)],
  ])('counts %s as reflected in a list at boot-1/5: %s', (_label, expected, event) => {
    expect(isReflectedIn(event, { bootId: 'boot-1', seq: 5 })).toBe(expected);
  });
});
