import { startTestControlPlane, type TestClient } from './harness';

let t: TestClient;
let ids: { project: string; host: string; cluster: string; vm: string; pool: string; volume: string; network: string; group: string };

beforeAll(async () => {
  t = await startTestControlPlane({ LQ_DEMO_HOSTS: '0' });
  const db = t.cp.db.prisma;
  const project = await db.project.create({ data: { name: 'inventory', quotaVcpus: 64 } });
  const cluster = await db.cluster.create({ data: { name: 'c1', haEnabled: true } });
  const host = await db.host.create({
    data: {
      hostname: 'inv-host-1', agentAddress: '127.0.0.1:1', phase: 'READY', capacityVcpus: 16, capacityMemoryMib: 65536,
      allocatableVcpus: 32, allocatableMemoryMib: 98304, allocatedVcpus: 2, allocatedMemoryMib: 4096, clusterId: cluster.id,
      labels: { zone: 'a' }, cpuPercent: 12.5, memoryPercent: 40, lastHeartbeatAt: new Date(),
    },
  });
  const vm = await db.virtualMachine.create({
    data: { name: 'web-1', projectId: project.id, vcpus: 2, memoryMib: 4096, hostId: host.id, state: 'RUNNING', desiredState: 'RUNNING', labels: { app: 'web' } },
  });
  const pool = await db.storagePool.create({ data: { name: 'ceph', type: 'CEPH_RBD', capacityGib: 1000, allocatedGib: 20 } });
  const volume = await db.volume.create({ data: { name: 'web-1-root', poolId: pool.id, projectId: project.id, sizeGib: 20, phase: 'IN_USE' } });
  await db.vmDisk.create({ data: { vmId: vm.id, volumeId: volume.id, bootIndex: 0 } });
  const network = await db.virtualNetwork.create({ data: { name: 'net-a', type: 'OVERLAY', cidr: '10.0.0.0/24', gateway: '10.0.0.1', usableAddresses: 253 } });
  const group = await db.securityGroup.create({ data: { name: 'web', rules: { create: [{ direction: 'INBOUND', protocol: 'TCP', portRange: '443', remoteCidr: '0.0.0.0/0', action: 'ALLOW' }] } } });
  await db.ipAllocation.create({ data: { networkId: network.id, address: '10.0.0.10', vmId: vm.id } });
  await db.vmNic.create({ data: { vmId: vm.id, networkId: network.id, macAddress: '52:54:00:00:00:01', ipAddress: '10.0.0.10', securityGroupIds: [group.id] } });
  ids = { project: project.id, host: host.id, cluster: cluster.id, vm: vm.id, pool: pool.id, volume: volume.id, network: network.id, group: group.id };
});
afterAll(() => t?.stop());

describe('inventory across subgraphs', () => {
  it('resolves a VM with fields from all four subgraphs in one query', async () => {
    const res = await t.gql<{ virtualMachine: Record<string, unknown> }>(
      `query($id: ID!) { virtualMachine(id: $id) {
        name state labels { key value } spec { vcpus memoryMib }
        project { name quota { vcpus } }
        host { hostname phase usage { cpuPercent } cluster { name haEnabled } allocated { vcpus } }
        disks { bootIndex volume { name sizeGib pool { name } attachedTo { name } } }
        nics { macAddress ipAddress network { name freeAddresses } securityGroups { name rules { portRange } virtualMachines { name } } }
      } }`,
      { id: ids.vm },
      await t.userToken('VIEWER'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.virtualMachine).toEqual({
      name: 'web-1', state: 'RUNNING', labels: [{ key: 'app', value: 'web' }], spec: { vcpus: 2, memoryMib: 4096 },
      project: { name: 'inventory', quota: { vcpus: 64 } },
      host: { hostname: 'inv-host-1', phase: 'READY', usage: { cpuPercent: 12.5 }, cluster: { name: 'c1', haEnabled: true }, allocated: { vcpus: 2 } },
      disks: [{ bootIndex: 0, volume: { name: 'web-1-root', sizeGib: 20, pool: { name: 'ceph' }, attachedTo: { name: 'web-1' } } }],
      nics: [{ macAddress: '52:54:00:00:00:01', ipAddress: '10.0.0.10', network: { name: 'net-a', freeAddresses: 252 }, securityGroups: [{ name: 'web', rules: [{ portRange: '443' }], virtualMachines: [{ name: 'web-1' }] }] }],
    });
  });

  it('lists a host with its VMs, filtered by label', async () => {
    const res = await t.gql<{ hosts: { totalCount: number; edges: { node: { hostname: string; virtualMachines: { totalCount: number; edges: { node: { name: string } }[] } } }[] } }>(
      '{ hosts(filter: { labels: [{ key: "zone", value: "a" }] }) { totalCount edges { node { hostname virtualMachines(first: 5) { totalCount edges { node { name } } } } } } }',
      {},
      await t.adminToken(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.hosts.totalCount).toBe(1);
    expect(res.data?.hosts.edges[0]?.node.virtualMachines.edges[0]?.node.name).toBe('web-1');
    const none = await t.gql<{ hosts: { totalCount: number } }>('{ hosts(filter: { labels: [{ key: "zone", value: "b" }] }) { totalCount } }', {}, await t.adminToken());
    expect(none.data?.hosts.totalCount).toBe(0);
  });

  it('pages VMs with opaque cursors', async () => {
    const db = t.cp.db.prisma;
    for (let i = 0; i < 5; i += 1) {
      await db.virtualMachine.create({ data: { name: `page-${i}`, projectId: ids.project, vcpus: 1, memoryMib: 512, state: 'STOPPED', desiredState: 'STOPPED' } });
    }
    const q = 'query($after: String) { virtualMachines(filter: { nameContains: "PAGE" }, first: 2, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }';
    type Page = { virtualMachines: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const token = await t.adminToken();
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: Page } = await t.gql<Page>(q, { after }, token);
      const page = res.data?.virtualMachines;
      if (!page) throw new Error(JSON.stringify(res));
      expect(page.totalCount).toBe(5);
      names.push(...page.edges.map((e) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
  });

  it('refuses a page larger than 500 and a forged cursor as bad input', async () => {
    const token = await t.adminToken();
    const big = await t.gql('{ virtualMachines(first: 501) { totalCount } }', {}, token);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await t.gql('{ virtualMachines(after: "bm9wZQ") { totalCount } }', {}, token);
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('returns null for unknown and malformed ids', async () => {
    const res = await t.gql('{ a: virtualMachine(id: "00000000-0000-4000-8000-000000000000") { id } b: host(id: "nope") { id } c: volume(id: "x") { id } }', {}, await t.adminToken());
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null, c: null });
  });

  it('answers every list query of the contract', async () => {
    const res = await t.gql(
      `{ projects { name } project(id: "${ids.project}") { name usage { vcpus } } affinityRules { name } clusters { name drsStatus { imbalance pendingRecommendations } }
         cluster(id: "${ids.cluster}") { hosts { totalCount } } drsRecommendations { id } storagePools { name hosts { id } volumes { totalCount } }
         storagePool(id: "${ids.pool}") { name } volumes(projectId: "${ids.project}") { totalCount } network(id: "${ids.network}") { cidr }
         networks { name } securityGroup(id: "${ids.group}") { name } securityGroups { name } tasks { totalCount } alerts { totalCount }
         alertRules { name } auditLog(first: 1) { totalCount } users { username } }`,
      {},
      await t.adminToken(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({ projects: [{ name: 'inventory' }], storagePools: [{ name: 'ceph', volumes: { totalCount: 1 } }] });
  });
});
