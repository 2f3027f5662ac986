import { planAllocatableRefresh, planWatches } from './host-monitor-plan';

describe('planWatches', () => {
  it.each([
    { case: 'opens every host when nothing is watched', watched: [], hosts: [['a', 'x:1'], ['b', 'y:1']], open: ['a', 'b'], close: [] },
    { case: 'does nothing when the watches match', watched: [['a', 'x:1']], hosts: [['a', 'x:1']], open: [], close: [] },
    { case: 'closes the watch of a removed host', watched: [['a', 'x:1'], ['b', 'y:1']], hosts: [['a', 'x:1']], open: [], close: ['b'] },
    { case: 'reopens a host whose agent moved', watched: [['a', 'x:1']], hosts: [['a', 'x:2']], open: ['a'], close: ['a'] },
    { case: 'opens a new host next to watched ones', watched: [['a', 'x:1']], hosts: [['a', 'x:1'], ['c', 'z:1']], open: ['c'], close: [] },
  ])('$case', ({ watched, hosts, open, close }) => {
    const plan = planWatches(
      new Map(watched as [string, string][]),
      (hosts as [string, string][]).map(([id, agentAddress]) => ({ id, agentAddress })),
    );
    expect(plan.open.map((t) => t.id)).toEqual(open);
    expect(plan.close).toEqual(close);
  });
});

describe('planAllocatableRefresh', () => {
  const row = (id: string, vcpus: number, memoryMib: number, allocatable: { vcpus: number; memoryMib: number }) => ({
    id,
    capacity: { vcpus, memoryMib },
    allocatable,
  });

  it('changes only the hosts whose allocatable differs from capacity × the ratios', () => {
    const changes = planAllocatableRefresh(
      [
        row('same', 16, 1000, { vcpus: 32, memoryMib: 1500 }),
        row('cpu', 16, 1000, { vcpus: 16, memoryMib: 1500 }),
        row('memory', 8, 2000, { vcpus: 16, memoryMib: 2000 }),
      ],
      { cpu: 2, memory: 1.5 },
    );
    expect(changes).toEqual([
      { id: 'cpu', from: { vcpus: 16, memoryMib: 1500 }, to: { vcpus: 32, memoryMib: 1500 } },
      { id: 'memory', from: { vcpus: 16, memoryMib: 2000 }, to: { vcpus: 16, memoryMib: 3000 } },
    ]);
  });

  it('writes nothing when nothing changed', () => {
    expect(planAllocatableRefresh([row('a', 4, 100, { vcpus: 4, memoryMib: 100 })], { cpu: 1, memory: 1 })).toEqual([]);
  });
});
