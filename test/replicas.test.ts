import { startTestControlPlane, type TestClient } from './harness';
import { subscribe, wsClient } from './ws-client';

// Two gateway replicas need a shared database and a shared bus: PostgreSQL and Redis (CI).
const shared = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
const describeShared = shared ? describe : describe.skip;

describeShared('two gateway replicas on one Redis', () => {
  let t: TestClient;
  let replica: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    t = await startTestControlPlane({ LQ_DEMO_HOSTS: '2' });
    replica = await t.startGatewayReplica();
  });
  afterAll(async () => {
    await replica?.stop();
    await t?.stop();
  });

  it('delivers every VM event through both replicas', async () => {
    const admin = await t.adminToken();
    const project = await t.gql<{ createProject: { project: { id: string } } }>('mutation { createProject(input: { name: "replicas" }) { project { id } } }', {}, admin);
    const q = 'subscription { virtualMachineChanged { kind virtualMachine { id name state host { hostname } } } }';
    const a = wsClient(t.url, admin);
    const b = wsClient(replica.url, admin);
    type E = { virtualMachineChanged: { virtualMachine: { id: string; state: string } } };
    const onA = subscribe<E>(a, q);
    const onB = subscribe<E>(b, q);
    await new Promise((r) => setTimeout(r, 200));
    const res = await t.gql<{ createVirtualMachine: { virtualMachine: { id: string } } }>(
      'mutation($p: ID!) { createVirtualMachine(input: { name: "seen-twice", projectId: $p, spec: { vcpus: 1, memoryMib: 512 } }) { virtualMachine { id } } }',
      { p: project.data?.createProject.project.id },
      admin,
    );
    const id = res.data?.createVirtualMachine.virtualMachine.id;
    const running = (e: E) => e.virtualMachineChanged.virtualMachine.id === id && e.virtualMachineChanged.virtualMachine.state === 'RUNNING';
    await Promise.all([onA.next(running), onB.next(running)]);
    onA.close();
    onB.close();
    await Promise.all([a.dispose(), b.dispose()]);
  });
});
