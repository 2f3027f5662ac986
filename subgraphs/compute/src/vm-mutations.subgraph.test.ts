// createVirtualMachine, the power mutations and placementPreview against a migrated database
// and simulated agents (no VM controller: these tests are about what the mutations write).
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, subscribe, type ExecutionResult } from 'graphql';
import { ADMIN, OPERATOR, pollUntil, startHarness, VIEWER, type Harness, type Json } from './testing/fixtures';

const CREATE = `mutation($input: CreateVirtualMachineInput!) { createVirtualMachine(input: $input) {
  virtualMachine { id name state desiredState createdBy host { id } project { id } labels { key value }
    spec { vcpus memoryMib image restartPriority hostSelector { key value } } }
  task { id kind state progress targetType targetId createdBy }
  userErrors { field code message } } }`;
const STOP = `mutation($input: StopVirtualMachineInput!) { stopVirtualMachine(input: $input) {
  virtualMachine { id state desiredState } task { id kind state createdBy } userErrors { field code message } } }`;
const START = `mutation($input: VirtualMachineIdInput!) { startVirtualMachine(input: $input) {
  virtualMachine { id state desiredState } task { id kind } userErrors { field code message } } }`;
const PREVIEW = `query($input: PlacementPreviewInput!) { placementPreview(input: $input) {
  chosen { id } candidates { host { id } fits score reasons } } }`;

let h: Harness;
let project: string;
const spec = { vcpus: 1, memoryMib: 512 };

async function create(input: Json, viewer = ADMIN): Promise<Json> {
  return (await h.data(CREATE, { input: { projectId: project, spec, ...input } }, viewer)).createVirtualMachine;
}

async function counts() {
  const p = h.db.prisma;
  const [vms, tasks, hosts, projects] = await Promise.all([
    p.virtualMachine.count(),
    p.task.count(),
    p.host.findMany({ select: { allocatedVcpus: true, allocatedMemoryMib: true }, orderBy: { hostname: 'asc' } }),
    p.project.findMany({ select: { usedVcpus: true, usedMemoryMib: true, usedVms: true }, orderBy: { name: 'asc' } }),
  ]);
  return { vms, tasks, hosts, projects };
}

beforeAll(async () => {
  h = await startHarness({ hosts: 4, capacity: { vcpus: 8, memoryMib: 16_384 } });
  project = await h.project('web');
  // Hosts 3 and 4 form a small pool of their own, for the concurrency test.
  await h.db.prisma.host.updateMany({ where: { id: { in: h.hostIds.slice(2) } }, data: { labels: { pool: 'burst' }, allocatableVcpus: 4, allocatableMemoryMib: 8_192 } });
});

afterAll(async () => {
  await h?.close();
});

describe('createVirtualMachine', () => {
  it('creates a PENDING VM on a host with a QUEUED VM_CREATE task, reserving host and quota, and hands it to the agent', async () => {
    const before = await counts();
    const out = await create({ name: 'web-1', labels: [{ key: 'tier', value: 'web' }], spec: { ...spec, image: 'ubuntu-24.04', hostSelector: [] } });
    expect(out.userErrors).toEqual([]);
    expect(out.virtualMachine).toMatchObject({
      name: 'web-1', state: 'PENDING', desiredState: 'RUNNING', createdBy: 'alice', project: { id: project },
      labels: [{ key: 'tier', value: 'web' }], spec: { vcpus: 1, memoryMib: 512, image: 'ubuntu-24.04', restartPriority: 'MEDIUM', hostSelector: [] },
    });
    expect(out.task).toMatchObject({ kind: 'VM_CREATE', state: 'QUEUED', progress: 0, targetType: 'VirtualMachine', targetId: out.virtualMachine.id, createdBy: 'alice' });
    const after = await counts();
    expect(after.vms - before.vms).toBe(1);
    expect(after.projects[0]).toEqual({ usedVcpus: 1, usedMemoryMib: 512, usedVms: 1 });
    const host = await h.db.prisma.host.findUniqueOrThrow({ where: { id: out.virtualMachine.host.id } });
    expect([host.allocatedVcpus, host.allocatedMemoryMib]).toEqual([1, 512]);
    // Dispatched without the mutation waiting: the agent of that host gets the VM under the VM's id.
    const sim = h.fleet.hosts[h.hostIds.indexOf(host.id)];
    await pollUntil(() => sim?.vms().some((vm) => vm.vmId === out.virtualMachine.id), 'the agent to create the VM');
  });

  it('reports every bad field with its path and writes nothing', async () => {
    const before = await counts();
    const out = await create({
      name: '-bad name',
      projectId: 'not-a-uuid',
      hostId: 'nope',
      labels: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }],
      spec: { vcpus: 0, memoryMib: 1000, image: 'two words', hostSelector: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, value: 'v' })) },
      idempotencyKey: '',
    });
    expect(out.virtualMachine).toBeNull();
    expect(out.userErrors.map((e: Json) => [e.field.join('.'), e.code])).toEqual([
      ['input.name', 'INVALID'],
      ['input.projectId', 'INVALID'],
      ['input.labels.1.key', 'INVALID'],
      ['input.spec.vcpus', 'INVALID'],
      ['input.spec.memoryMib', 'INVALID'],
      ['input.spec.image', 'INVALID'],
      ['input.spec.hostSelector', 'INVALID'],
      ['input.hostId', 'INVALID'],
      ['input.idempotencyKey', 'INVALID'],
    ]);
    expect(out.userErrors.find((e: Json) => e.field.join('.') === 'input.spec.memoryMib').message).toContain('multiple of 128');
    expect(await counts()).toEqual(before);
  });

  it('refuses disks and NICs rather than half-creating them', async () => {
    const out = await create({ name: 'with-disk', disks: [{ sizeGib: 10, poolId: project }], nics: [{ networkId: project }] });
    expect(out.userErrors).toEqual([
      { field: ['input', 'disks'], code: 'INVALID', message: 'input.disks: disks are attached after creation with attachVolume (coming)' },
      expect.objectContaining({ field: ['input', 'nics'], code: 'INVALID' }),
    ]);
  });

  it('answers NOT_FOUND for an unknown project or pinned host and CONFLICT for a taken name', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await create({ name: 'x', projectId: missing, hostId: missing })).userErrors.map((e: Json) => [e.field.join('.'), e.code])).toEqual([
      ['input.projectId', 'NOT_FOUND'],
      ['input.hostId', 'NOT_FOUND'],
    ]);
    expect((await create({ name: 'web-1' })).userErrors).toEqual([
      { field: ['input', 'name'], code: 'CONFLICT', message: 'a VM named web-1 already exists in the project' },
    ]);
  });

  it('refuses with QUOTA_EXCEEDED naming each limit, reserving nothing', async () => {
    const small = await h.project('small', { quotaVcpus: 2, quotaVms: 1, quotaMemoryMib: 100_000 });
    expect((await create({ name: 'fits', projectId: small, spec: { vcpus: 2, memoryMib: 512 } })).userErrors).toEqual([]);
    const before = await counts();
    const out = await create({ name: 'too-much', projectId: small, spec: { vcpus: 1, memoryMib: 512 } });
    expect(out.userErrors).toEqual([
      { field: ['input', 'spec', 'vcpus'], code: 'QUOTA_EXCEEDED', message: 'project quota exceeded for vcpus: 2 of 2 vCPU in use, 1 more requested' },
      { field: ['input', 'projectId'], code: 'QUOTA_EXCEEDED', message: 'project quota exceeded for vms: 1 of 1 VM in use, 1 more requested' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses with NO_CAPACITY quoting the scheduler, and gives the quota back', async () => {
    const before = await counts();
    const out = await create({ name: 'huge', spec: { vcpus: 64, memoryMib: 1024 } });
    expect(out.userErrors).toEqual([{ field: null, code: 'NO_CAPACITY', message: expect.stringMatching(/^0 of 4 hosts fit: 4 × cpu: needs 64 vCPU, at most \d+ free/) }]);
    expect(await counts()).toEqual(before);
  });

  it('places a pinned VM on its host only, and not at all when that host is cordoned', async () => {
    const pinned = h.hostIds[1] as string;
    expect((await create({ name: 'pinned', hostId: pinned, start: false })).virtualMachine).toMatchObject({ host: { id: pinned }, desiredState: 'STOPPED' });
    await h.db.prisma.host.update({ where: { id: pinned }, data: { schedulable: false } });
    const out = await create({ name: 'pinned-2', hostId: pinned });
    await h.db.prisma.host.update({ where: { id: pinned }, data: { schedulable: true } });
    expect(out.userErrors).toEqual([{ field: null, code: 'NO_CAPACITY', message: expect.stringContaining('host cordoned') }]);
  });

  it('refuses a VIEWER (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED)', async () => {
    const input = { name: 'nope', projectId: project, spec };
    expect(h.errorCode(await h.run(CREATE, { input }, VIEWER))).toBe('FORBIDDEN');
    expect(h.errorCode(await h.run(CREATE, { input }, null))).toBe('UNAUTHENTICATED');
  });
});

describe('idempotency', () => {
  it('answers a retry with the same key with the first VM and task, creating nothing', async () => {
    const first = await create({ name: 'idem-1', idempotencyKey: 'k-1' }, OPERATOR);
    const before = await counts();
    const again = await create({ name: 'idem-1', idempotencyKey: 'k-1' }, OPERATOR);
    expect(again.userErrors).toEqual([]);
    expect([again.virtualMachine.id, again.task.id]).toEqual([first.virtualMachine.id, first.task.id]);
    expect(await counts()).toEqual(before);
  });

  it('refuses the same key with a different request (CONFLICT); keys are per user', async () => {
    expect((await create({ name: 'idem-other', idempotencyKey: 'k-1' }, OPERATOR)).userErrors).toEqual([
      { field: ['input', 'idempotencyKey'], code: 'CONFLICT', message: 'idempotencyKey was already used for a different request' },
    ]);
    expect((await create({ name: 'idem-other', idempotencyKey: 'k-1' }, ADMIN)).userErrors).toEqual([]);
  });

  it('creates once for concurrent retries with the same key', async () => {
    const outs = await Promise.all(Array.from({ length: 12 }, () => create({ name: 'idem-burst', idempotencyKey: 'k-burst' })));
    expect(outs.map((o) => o.userErrors)).toEqual(outs.map(() => []));
    expect(new Set(outs.map((o) => o.virtualMachine.id)).size).toBe(1);
    expect(new Set(outs.map((o) => o.task.id)).size).toBe(1);
    expect(await h.db.prisma.virtualMachine.count({ where: { name: 'idem-burst' } })).toBe(1);
  });
});

describe('capacity under concurrency', () => {
  it('never takes a host past its allocatable: 200 concurrent creates on two small hosts', async () => {
    const projects = await Promise.all([0, 1, 2, 3].map((i) => h.project(`burst-${i}`)));
    const outs = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        create({ name: `burst-${i}`, projectId: projects[i % 4], start: false, spec: { vcpus: 1 + (i % 2), memoryMib: 512 * (1 + (i % 3)), hostSelector: [{ key: 'pool', value: 'burst' }] } }),
      ),
    );
    const created = outs.filter((o) => o.userErrors.length === 0);
    expect(outs.filter((o) => o.userErrors.length > 0).every((o) => o.userErrors[0].code === 'NO_CAPACITY')).toBe(true);
    expect(created.length).toBeGreaterThanOrEqual(4);
    const hosts = await h.db.prisma.host.findMany({ where: { id: { in: h.hostIds.slice(2) } }, include: { virtualMachines: true } });
    for (const host of hosts) {
      expect(host.allocatedVcpus).toBeLessThanOrEqual(host.allocatableVcpus);
      expect(host.allocatedMemoryMib).toBeLessThanOrEqual(host.allocatableMemoryMib);
      expect(host.allocatedVcpus).toBe(host.virtualMachines.reduce((n, vm) => n + vm.vcpus, 0));
      expect(host.allocatedMemoryMib).toBe(host.virtualMachines.reduce((n, vm) => n + vm.memoryMib, 0));
    }
    const placed = hosts.flatMap((host) => host.virtualMachines).filter((vm) => vm.name.startsWith('burst-'));
    expect(placed.map((vm) => vm.id).sort()).toEqual(created.map((o) => o.virtualMachine.id).sort());
    for (const id of projects) {
      const p = await h.db.prisma.project.findUniqueOrThrow({ where: { id }, include: { virtualMachines: true } });
      expect([p.usedVms, p.usedVcpus, p.usedMemoryMib]).toEqual([
        p.virtualMachines.length,
        p.virtualMachines.reduce((n, vm) => n + vm.vcpus, 0),
        p.virtualMachines.reduce((n, vm) => n + vm.memoryMib, 0),
      ]);
    }
  });
});

describe('power mutations', () => {
  async function seedVm(name: string, state: 'RUNNING' | 'STOPPED' | 'DELETING'): Promise<string> {
    const vm = await h.db.prisma.virtualMachine.create({ data: { name, projectId: project, hostId: h.hostIds[0], state, desiredState: state === 'STOPPED' ? 'STOPPED' : 'RUNNING', vcpus: 1, memoryMib: 512 } });
    return vm.id;
  }

  it('refuses an operation the state machine does not allow (INVALID_STATE), and an unknown VM (NOT_FOUND)', async () => {
    const id = await seedVm('already-running', 'RUNNING');
    expect((await h.data(START, { input: { id } })).startVirtualMachine.userErrors).toEqual([
      { field: ['input', 'id'], code: 'INVALID_STATE', message: 'cannot start a VM that is RUNNING (already-running)' },
    ]);
    expect((await h.data(START, { input: { id: 'nope' } })).startVirtualMachine.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND', message: 'virtual machine nope does not exist' },
    ]);
  });

  it('records the intent and a task at once; a refusal from the agent fails the task and fails the VM it does not know', async () => {
    const id = await seedVm('unknown-to-agent', 'RUNNING');
    const out = (await h.data(STOP, { input: { id, force: true } }, OPERATOR)).stopVirtualMachine;
    expect(out).toMatchObject({ userErrors: [], virtualMachine: { state: 'STOPPING', desiredState: 'STOPPED' }, task: { kind: 'VM_STOP', createdBy: 'oscar' } });
    const task = await pollUntil(async () => {
      const t = await h.db.prisma.task.findUniqueOrThrow({ where: { id: out.task.id } });
      return t.state === 'FAILED' && t;
    }, 'the refused stop to fail');
    expect(task.errorCode).toBe('NOT_FOUND');
    const vm = await pollUntil(async () => {
      const row = await h.db.prisma.virtualMachine.findUniqueOrThrow({ where: { id } });
      return row.state === 'FAILED' && row;
    }, 'the VM to fail');
    expect(vm.stateReason).toBe('the VM is not on its host');
  });

  it('lets exactly one of concurrent operations on a VM through, refusing the others while its task runs', async () => {
    const id = await seedVm('contended', 'STOPPED');
    const outs = await Promise.all(Array.from({ length: 6 }, () => h.data(START, { input: { id } })));
    const ok = outs.filter((o) => o.startVirtualMachine.userErrors.length === 0);
    expect(ok).toHaveLength(1);
    for (const o of outs.filter((x) => x.startVirtualMachine.userErrors.length > 0)) {
      expect(o.startVirtualMachine.userErrors[0]).toMatchObject({ code: 'INVALID_STATE' });
    }
    expect(await h.db.prisma.task.count({ where: { targetId: id } })).toBe(1);
  });

  it('refuses a VIEWER', async () => {
    const id = await seedVm('viewer-target', 'STOPPED');
    expect(h.errorCode(await h.run(START, { input: { id } }, VIEWER))).toBe('FORBIDDEN');
  });
});

describe('placementPreview', () => {
  it('shows every host with a score or the reasons it does not fit, choosing the best, writing nothing', async () => {
    // Earlier tests placed VMs on these hosts (in random order among the best few), so the
    // expectation is computed from the hosts' rows: ask for as much as the roomiest host has.
    const rows = await h.db.prisma.host.findMany();
    const free = new Map(rows.map((r) => [r.id, r.allocatableVcpus - r.allocatedVcpus]));
    const vcpus = Math.max(...free.values());
    expect(vcpus).toBeGreaterThan(0);
    const before = await counts();
    const out = (await h.data(PREVIEW, { input: { projectId: project, spec: { vcpus, memoryMib: 512 } } }, VIEWER)).placementPreview;
    expect(await counts()).toEqual(before);
    expect(out.candidates).toHaveLength(4);
    const fitting = out.candidates.filter((c: Json) => c.fits);
    expect(fitting.length).toBeGreaterThan(0);
    expect(out.chosen).toEqual(fitting[0].host);
    for (const c of fitting) expect(c).toMatchObject({ score: expect.any(Number), reasons: [] });
    for (const c of out.candidates) {
      const room = free.get(c.host.id) ?? 0;
      if (c.fits) continue;
      expect(c.score).toBeNull();
      if (room < vcpus) expect(c.reasons[0]).toBe(`cpu: needs ${vcpus} vCPU, ${room} free`);
    }
  });

  it('chooses nothing when no host has the labels asked for', async () => {
    const out = (await h.data(PREVIEW, { input: { projectId: project, spec: { ...spec, hostSelector: [{ key: 'gpu', value: 'a100' }] } } })).placementPreview;
    expect(out.chosen).toBeNull();
    expect(out.candidates.map((c: Json) => c.reasons)).toEqual(out.candidates.map(() => ['labels: missing gpu=a100']));
  });

  it('refuses bad input (BAD_USER_INPUT) and an unknown project (NOT_FOUND)', async () => {
    expect(h.errorCode(await h.run(PREVIEW, { input: { projectId: project, spec: { vcpus: 0, memoryMib: 512 } } }))).toBe('BAD_USER_INPUT');
    expect(h.errorCode(await h.run(PREVIEW, { input: { projectId: '00000000-0000-4000-8000-000000000000', spec } }))).toBe('NOT_FOUND');
  });
});

describe('subscriptions', () => {
  it('declares virtualMachineChanged and taskChanged for the gateway to serve', () => {
    const sdl = printSubgraphSchema(h.subgraph.schema);
    expect(sdl).toContain('virtualMachineChanged(id: ID, projectId: ID): VirtualMachineEvent!');
    expect(sdl).toContain('taskChanged(id: ID, targetId: ID): Task!');
    expect(sdl).toMatch(/enum ChangeKind \{\s+CREATED\s+UPDATED\s+DELETED\s+\}/);
    expect(sdl).toMatch(/type VirtualMachineEvent \{\s+kind: ChangeKind!\s+"""[^"]*"""\s+virtualMachine: VirtualMachine!\s+\}/);
  });

  it('refuses to subscribe at the subgraph: the gateway serves subscriptions', async () => {
    const res = (await subscribe({
      schema: h.subgraph.schema,
      document: parse('subscription { taskChanged { id } }'),
      contextValue: h.subgraph.createContext({ viewer: ADMIN, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
    })) as ExecutionResult;
    expect(res.errors?.[0]?.message).toBe('subscriptions are served by the gateway over graphql-ws');
  });
});
