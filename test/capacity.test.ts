import { startTestControlPlane, type TestClient } from './harness';
import { externalFleet, registerFleet } from './fleet';
import type { SimulatedFleet } from '../agents-client/sim';

let t: TestClient;
let fleet: SimulatedFleet;

beforeAll(async () => {
  // Two small hosts: 4 vCPU and 8 GiB each, so 8 vCPU / 12 GiB allocatable after overcommit.
  const ext = await externalFleet(2, { capacity: { vcpus: [4], memoryMib: [8192] } });
  fleet = ext.fleet;
  t = await startTestControlPlane(ext.env);
  await registerFleet(t, fleet);
});
afterAll(async () => {
  await t?.stop();
  fleet?.stop();
});

describe('capacity under concurrency', () => {
  it('never places more than a host can take, whatever the number of simultaneous creates', async () => {
    const admin = await t.adminToken();
    const project = await t.gql<{ createProject: { project: { id: string } } }>('mutation { createProject(input: { name: "crowd" }) { project { id } } }', {}, admin);
    const projectId = project.data?.createProject.project.id;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.gql<{ createVirtualMachine: { virtualMachine: { id: string } | null; userErrors: { code: string; message: string }[] } }>(
          'mutation($i: CreateVirtualMachineInput!) { createVirtualMachine(input: $i) { virtualMachine { id } userErrors { code message } } }',
          { i: { name: `crowd-${i}`, projectId, spec: { vcpus: 1, memoryMib: 1024 }, start: false } },
          admin,
        ),
      ),
    );
    const created = results.filter((r) => r.data?.createVirtualMachine.virtualMachine);
    const refused = results.filter((r) => r.data?.createVirtualMachine.userErrors[0]?.code === 'NO_CAPACITY');
    expect(results.every((r) => !r.errors)).toBe(true);
    // 8 allocatable vCPUs per host, 1 vCPU per VM.
    expect(created).toHaveLength(16);
    expect(refused).toHaveLength(184);
    expect(refused[0]?.data?.createVirtualMachine.userErrors[0]?.message).toMatch(/0 of 2 hosts fit/);

    const hosts = await t.cp.db.prisma.host.findMany();
    for (const h of hosts) {
      expect(h.allocatedVcpus).toBeLessThanOrEqual(h.allocatableVcpus);
      expect(h.allocatedMemoryMib).toBeLessThanOrEqual(h.allocatableMemoryMib);
      const placed = await t.cp.db.prisma.virtualMachine.aggregate({ where: { hostId: h.id }, _sum: { vcpus: true, memoryMib: true } });
      expect(placed._sum.vcpus ?? 0).toBe(h.allocatedVcpus);
      expect(placed._sum.memoryMib ?? 0).toBe(h.allocatedMemoryMib);
    }
    const usage = await t.cp.db.prisma.project.findUniqueOrThrow({ where: { id: projectId as string } });
    expect(usage).toMatchObject({ usedVms: 16, usedVcpus: 16, usedMemoryMib: 16 * 1024 });
  });
});
