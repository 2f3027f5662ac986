import { startTestControlPlane, type TestClient } from './harness';
import { externalFleet, registerFleet } from './fleet';
import { until } from './ws-client';
import { AgentError, createAgentConnector, createEphemeralPki } from '../agents-client/src';
import { startSimulatedFleet, type SimulatedFleet } from '../agents-client/sim';

let t: TestClient;
let fleet: SimulatedFleet;
let hostIds: string[];
let projectId: string;

beforeAll(async () => {
  const ext = await externalFleet(3);
  fleet = ext.fleet;
  t = await startTestControlPlane(ext.env);
  hostIds = await registerFleet(t, fleet);
  const res = await t.gql<{ createProject: { project: { id: string } } }>('mutation { createProject(input: { name: "faults" }) { project { id } } }', {}, await t.adminToken());
  projectId = res.data?.createProject.project.id as string;
});
afterAll(async () => {
  await t?.stop();
  fleet?.stop();
});

const hostPhase = async (id: string) =>
  (await t.gql<{ host: { phase: string } }>('query($id: ID!) { host(id: $id) { phase } }', { id }, await t.adminToken())).data?.host.phase;

async function createOn(hostIndex: number, name: string) {
  const res = await t.gql<{ createVirtualMachine: { virtualMachine: { id: string }; task: { id: string }; userErrors: unknown[] } }>(
    'mutation($i: CreateVirtualMachineInput!) { createVirtualMachine(input: $i) { virtualMachine { id } task { id } userErrors { code message } } }',
    { i: { name, projectId, spec: { vcpus: 1, memoryMib: 512 }, hostId: hostIds[hostIndex] } },
    await t.adminToken(),
  );
  const p = res.data?.createVirtualMachine;
  if (!p?.virtualMachine) throw new Error(JSON.stringify(res));
  return { vmId: p.virtualMachine.id, taskId: p.task.id };
}

const taskState = async (id: string) =>
  (await t.gql<{ task: { state: string } }>('query($id: ID!) { task(id: $id) { state } }', { id }, await t.adminToken())).data?.task.state;

describe('faults', () => {
  it('marks a host NOT_READY when its heartbeats stop past the threshold, and READY when they return', async () => {
    const sim = fleet.hosts[0]!;
    await until(() => hostPhase(hostIds[0]!), (p) => p === 'READY');
    sim.stopHeartbeats();
    const stoppedAt = Date.now();
    await until(() => hostPhase(hostIds[0]!), (p) => p === 'NOT_READY', 10_000);
    // Threshold: 3 × 200 ms in-process; etcd leases are whole seconds (at least 2 s).
    expect(Date.now() - stoppedAt).toBeLessThan(process.env.TEST_ETCD_ENDPOINTS ? 6000 : 3000);
    sim.resumeHeartbeats();
    await until(() => hostPhase(hostIds[0]!), (p) => p === 'READY', 10_000);
  });

  it('never loses or duplicates a VM whose agent crashes mid-create', async () => {
    const sim = fleet.hosts[1]!;
    sim.slow(300);
    const { vmId, taskId } = await createOn(1, 'crash-mid-create');
    sim.crash();
    await new Promise((r) => setTimeout(r, 300));
    await sim.restart();
    const final = await until(() => taskState(taskId), (s) => s === 'SUCCEEDED' || s === 'FAILED', 30_000);
    const vm = await t.cp.db.prisma.virtualMachine.findUnique({ where: { id: vmId } });
    expect(vm).not.toBeNull();
    if (final === 'SUCCEEDED') expect(vm?.state).toBe('RUNNING');
    else expect(vm?.state).toBe('FAILED');
    expect(sim.vms().filter((v) => v.vmId === vmId).length).toBeLessThanOrEqual(1);
    sim.slow(0);
  });

  it('settles a task that was in flight when the control plane restarted', async () => {
    const sim = fleet.hosts[2]!;
    sim.slow(400);
    const { vmId, taskId } = await createOn(2, 'restart-mid-task');
    await t.restart();
    sim.slow(0);
    const final = await until(() => taskState(taskId), (s) => s === 'SUCCEEDED' || s === 'FAILED', 30_000);
    expect(final).toBe('SUCCEEDED');
    const vm = await t.cp.db.prisma.virtualMachine.findUniqueOrThrow({ where: { id: vmId } });
    expect(vm.state).toBe('RUNNING');
    expect(sim.vms().filter((v) => v.vmId === vmId)).toHaveLength(1);
  });

  it('refuses to register an agent whose certificate is not signed by the cluster CA', async () => {
    const foreign = await startSimulatedFleet({ count: 1, pki: createEphemeralPki(), latencyScale: 0.05, hostnamePrefix: 'foreign' });
    try {
      const res = await t.gql<{ registerHost: { host: unknown; userErrors: { code: string; field: string[]; message: string }[] } }>(
        'mutation($a: String!) { registerHost(input: { agentAddress: $a }) { host { id } userErrors { code field message } } }',
        { a: foreign.hosts[0]!.address },
        await t.adminToken(),
      );
      expect(res.data?.registerHost.host).toBeNull();
      expect(res.data?.registerHost.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'agentAddress'] });
      expect(await t.cp.db.prisma.host.count({ where: { agentAddress: foreign.hosts[0]!.address } })).toBe(0);
    } finally {
      foreign.stop();
    }
  });

  it('has agents refuse a client whose certificate is not signed by the cluster CA', async () => {
    const stranger = createAgentConnector({ tls: createEphemeralPki().controlPlane, deadlineMs: 1000, retry: { maxAttempts: 1 } });
    try {
      await expect(stranger.connect(fleet.hosts[0]!.address).hostInfo()).rejects.toBeInstanceOf(AgentError);
      // The same agent still serves the control plane, whose certificate the CA signed.
      expect(await hostPhase(hostIds[0]!)).toBe('READY');
    } finally {
      stranger.close();
    }
  });

  it('restarts VMs that should run after a host loses power', async () => {
    const sim = fleet.hosts[0]!;
    const { vmId, taskId } = await createOn(0, 'power-loss');
    await until(() => taskState(taskId), (s) => s === 'SUCCEEDED', 20_000);
    sim.crash({ powerLoss: true });
    await sim.restart();
    // The agent comes back with the VM STOPPED; desiredState is RUNNING, so the reconciler starts it.
    await until(async () => sim.vms().find((v) => v.vmId === vmId)?.state, (s) => s === 'RUNNING', 20_000);
    await until(() => t.cp.db.prisma.virtualMachine.findUniqueOrThrow({ where: { id: vmId } }), (v) => v.state === 'RUNNING', 20_000);
  });
});
