import { newHostFrom, reportProblem, type AgentReport } from './host-registration';

const report = (over: Partial<AgentReport> = {}): AgentReport => ({
  hostname: 'hv01',
  vcpus: 32,
  memoryMib: 131_072,
  agentVersion: 'agent/1.2.3',
  capabilities: ['snapshots', 'live-migration', 'snapshots'],
  labels: { zone: 'zone-a', rack: 'rack-1' },
  ...over,
});

describe('newHostFrom', () => {
  const now = new Date('2026-05-01T10:00:00Z');

  it('stores the agent capacity, allocatable under the ratios, READY and heartbeated now', () => {
    const host = newHostFrom(report(), { agentAddress: '10.0.0.5:9443', clusterId: null, labels: {} }, { cpu: 4, memory: 1.25 }, now);
    expect(host).toEqual({
      hostname: 'hv01',
      agentAddress: '10.0.0.5:9443',
      agentVersion: 'agent/1.2.3',
      capabilities: ['live-migration', 'snapshots'],
      labels: { zone: 'zone-a', rack: 'rack-1' },
      phase: 'READY',
      schedulable: true,
      capacity: { vcpus: 32, memoryMib: 131_072 },
      allocatable: { vcpus: 128, memoryMib: 163_840 },
      lastHeartbeatAt: now,
      clusterId: null,
    });
  });

  it("lets the caller's labels win over the agent's on the same key", () => {
    const host = newHostFrom(report(), { agentAddress: 'a:1', clusterId: 'c', labels: { zone: 'zone-b', team: 'db' } }, { cpu: 1, memory: 1 }, now);
    expect(host.labels).toEqual({ zone: 'zone-b', rack: 'rack-1', team: 'db' });
    expect(host.clusterId).toBe('c');
  });
});

describe('reportProblem', () => {
  it.each([
    [report(), null],
    [report({ hostname: ' ' }), 'the agent reported no hostname'],
    [report({ vcpus: 0 }), 'the agent reported 0 vCPUs'],
    [report({ memoryMib: -1 }), 'the agent reported -1 MiB of memory'],
    [report({ vcpus: 1.5 }), 'the agent reported 1.5 vCPUs'],
  ])('judges %o as %p', (r, expected) => {
    expect(reportProblem(r)).toBe(expected);
  });
});
