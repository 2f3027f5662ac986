import { createCoordination, type Coordination } from '.';

async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 8000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const etcd = process.env.TEST_ETCD_ENDPOINTS?.split(',');
const kinds: Array<[string, (ttlMs: number) => Coordination]> = [
  ['in-process', (ttlMs) => createCoordination({ hostLeaseTtlMs: ttlMs })],
];
if (etcd) kinds.push(['etcd', (ttlMs) => createCoordination({ etcdEndpoints: etcd, hostLeaseTtlMs: ttlMs })]);

describe.each(kinds)('%s coordination', (kind, make) => {
  const ttlMs = kind === 'etcd' ? 2000 : 200;
  let c: Coordination;
  beforeEach(() => (c = make(ttlMs)));
  afterEach(() => c.close());

  it('expires a host lease when heartbeats stop and keeps it while they continue', async () => {
    const hostId = `h-${process.pid}-${Math.random().toString(36).slice(2)}`;
    const expired: string[] = [];
    c.leases.onExpired((id) => expired.push(id));
    await c.leases.beat(hostId);
    expect(await c.leases.isAlive(hostId)).toBe(true);
    const beatUntil = Date.now() + ttlMs * 1.5;
    while (Date.now() < beatUntil) {
      await c.leases.beat(hostId);
      await new Promise((r) => setTimeout(r, ttlMs / 4));
    }
    expect(expired).not.toContain(hostId);
    await until(() => expired.includes(hostId), ttlMs * 5);
    expect(await c.leases.isAlive(hostId)).toBe(false);
  });

  it('runs the leader work and aborts it on stop', async () => {
    let signal: AbortSignal | undefined;
    const leadership = c.election.run(`test-${Math.random()}`, (s) => {
      signal = s;
    });
    await until(() => leadership.isLeader());
    await leadership.stop();
    expect(signal?.aborted).toBe(true);
  });

  it('serializes work under one lock name', async () => {
    const order: string[] = [];
    const name = `lock-${Math.random()}`;
    await Promise.all(
      ['a', 'b', 'c'].map((id) =>
        c.locks.withLock(name, async () => {
          order.push(`${id}+`);
          await new Promise((r) => setTimeout(r, 30));
          order.push(`${id}-`);
        }),
      ),
    );
    for (let i = 0; i < order.length; i += 2) expect(order[i]?.[0]).toBe(order[i + 1]?.[0]);
  });
});

if (etcd) {
  describe('etcd election between two replicas', () => {
    it('elects exactly one leader and fails over when it resigns', async () => {
      const a = createCoordination({ etcdEndpoints: etcd, hostLeaseTtlMs: 2000 });
      const b = createCoordination({ etcdEndpoints: etcd, hostLeaseTtlMs: 2000 });
      const name = `failover-${Math.random()}`;
      const la = a.election.run(name, () => undefined);
      await until(() => la.isLeader());
      const lb = b.election.run(name, () => undefined);
      await new Promise((r) => setTimeout(r, 300));
      expect(lb.isLeader()).toBe(false);
      await la.stop();
      await until(() => lb.isLeader());
      await lb.stop();
      await Promise.all([a.close(), b.close()]);
    });
  });
}
