import { KeyedSerialQueue, type KeyedJob } from './keyed-serial-queue';

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('KeyedSerialQueue', () => {
  const log: string[] = [];
  const job = (kind: string, name: string, wait?: Promise<void>): KeyedJob => ({
    kind,
    run: async () => {
      log.push(`${name}+`);
      await wait;
      log.push(`${name}-`);
    },
  });
  beforeEach(() => (log.length = 0));

  it('runs one key in order, one job at a time, while other keys proceed', async () => {
    const q = new KeyedSerialQueue(new Set(), () => undefined);
    const g = gate();
    q.push('a', job('x', 'a1', g.promise));
    q.push('a', job('x', 'a2'));
    q.push('b', job('x', 'b1'));
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['a1+', 'b1+', 'b1-']);
    g.open();
    await q.idle();
    expect(log).toEqual(['a1+', 'b1+', 'b1-', 'a1-', 'a2+', 'a2-']);
  });

  it('replaces the last waiting job of a coalescing kind, keeping order with other kinds', async () => {
    const q = new KeyedSerialQueue(new Set(['beat']), () => undefined);
    const g = gate();
    q.push('h', job('beat', 'b1', g.promise));
    q.push('h', job('beat', 'b2'));
    q.push('h', job('beat', 'b3'));
    q.push('h', job('expiry', 'e1'));
    q.push('h', job('beat', 'b4'));
    expect(q.waiting('h')).toBe(3);
    g.open();
    await q.idle();
    expect(log).toEqual(['b1+', 'b1-', 'b3+', 'b3-', 'e1+', 'e1-', 'b4+', 'b4-']);
  });

  it('reports a failing job and carries on with the next', async () => {
    const errors: string[] = [];
    const q = new KeyedSerialQueue(new Set(), (key, j, err) => errors.push(`${key}/${j.kind}: ${(err as Error).message}`));
    q.push('h', { kind: 'boom', run: async () => Promise.reject(new Error('db down')) });
    q.push('h', job('x', 'after'));
    await q.idle();
    expect(errors).toEqual(['h/boom: db down']);
    expect(log).toEqual(['after+', 'after-']);
  });

  it('drops waiting jobs on clear and lets the running one finish', async () => {
    const q = new KeyedSerialQueue(new Set(), () => undefined);
    const g = gate();
    q.push('h', job('x', 'running', g.promise));
    q.push('h', job('x', 'dropped'));
    q.clear();
    g.open();
    await q.idle();
    expect(log).toEqual(['running+', 'running-']);
  });

  // Moved from compute's HostLanes test when its copy of this queue was folded in here.
  it('runs jobs of one host in order, replaces a waiting reconcile with a newer one, and survives a failing job', async () => {
    const ran: string[] = [];
    const errors: string[] = [];
    const lanes = new KeyedSerialQueue(new Set(['reconcile']), (host, job) => void errors.push(`${host} ${job.kind}`));
    const job = (kind: string, name: string, fail = false) => ({
      kind,
      run: async () => {
        ran.push(name);
        if (fail) throw new Error('boom');
      },
    });
    lanes.push('h1', job('event', 'e1', true));
    lanes.push('h1', job('reconcile', 'r1'));
    lanes.push('h1', job('reconcile', 'r2'));
    lanes.push('h1', job('event', 'e2'));
    lanes.push('h2', job('event', 'x1'));
    await lanes.idle();
    expect(ran.filter((n) => n !== 'x1')).toEqual(['e1', 'r2', 'e2']);
    expect(ran).toContain('x1');
    expect(errors).toEqual(['h1 event']);
  });
});
