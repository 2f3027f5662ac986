import { startTestControlPlane, type TestClient } from './harness';
import { subscribe, until, wsClient } from './ws-client';
import type { Client } from 'graphql-ws';

let t: TestClient;
let admin: string;
let projectId: string;
const clients: Client[] = [];

beforeAll(async () => {
  t = await startTestControlPlane({ LQ_DEMO_HOSTS: '3' });
  admin = await t.adminToken();
  const res = await t.gql<{ createProject: { project: { id: string } } }>(
    'mutation { createProject(input: { name: "live", quota: { vcpus: 64, vms: 20 } }) { project { id } } }', {}, admin);
  projectId = res.data?.createProject.project.id as string;
});
afterAll(async () => {
  for (const c of clients) await c.dispose();
  await t?.stop();
});

function ws(token: string): Client {
  const c = wsClient(t.url, token);
  clients.push(c);
  return c;
}

type Vm = { id: string; name: string; state: string; desiredState: string; host: { hostname: string } | null; project: { name: string } };
type VmEvent = { virtualMachineChanged: { kind: string; virtualMachine: Vm } };
type TaskEvent = { taskChanged: { id: string; kind: string; state: string; progress: number; error: { code: string } | null } };

const CREATE = `mutation($i: CreateVirtualMachineInput!) { createVirtualMachine(input: $i) {
  virtualMachine { id name state desiredState } task { id kind state } userErrors { field code message } } }`;
type CreatePayload = { createVirtualMachine: { virtualMachine: { id: string; state: string } | null; task: { id: string; kind: string; state: string } | null; userErrors: { field: string[]; code: string; message: string }[] } };

describe('the live path', () => {
  it('registers the demo hosts READY, with heartbeats streaming usage', async () => {
    const hosts = await until(
      () => t.gql<{ hosts: { edges: { node: { phase: string; usage: { cpuPercent: number } | null } }[] } }>('{ hosts { edges { node { phase usage { cpuPercent } } } } }', {}, admin),
      (r) => r.data?.hosts.edges.length === 3 && r.data.hosts.edges.every((e) => e.node.phase === 'READY' && e.node.usage !== null),
    );
    expect(hosts.data?.hosts.edges).toHaveLength(3);
    const sub = subscribe<{ hostChanged: { kind: string; host: { hostname: string; phase: string; usage: { memoryPercent: number } } } }>(
      ws(admin), 'subscription { hostChanged { kind host { hostname phase usage { memoryPercent } } } }');
    const event = await sub.next();
    expect(event.hostChanged.kind).toBe('UPDATED');
    expect(event.hostChanged.host.hostname).toMatch(/^demo-host-/);
    sub.close();
  });

  it('creates a VM and streams it to RUNNING, with any field selectable', async () => {
    const client = ws(admin);
    const vmEvents = subscribe<VmEvent>(client, 'subscription($p: ID) { virtualMachineChanged(projectId: $p) { kind virtualMachine { id name state desiredState host { hostname } project { name } } } }', { p: projectId });
    // Let the subscription reach the bus before the create (pub/sub is at-most-once).
    await new Promise((r) => setTimeout(r, 100));
    const res = await t.gql<CreatePayload>(CREATE, { i: { name: 'web-1', projectId, spec: { vcpus: 2, memoryMib: 2048 } } }, admin);
    const payload = res.data?.createVirtualMachine;
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.virtualMachine?.state).toBe('PENDING');
    expect(payload?.task).toMatchObject({ kind: 'VM_CREATE', state: 'QUEUED' });
    const id = payload?.virtualMachine?.id as string;
    const running = await vmEvents.next((e) => e.virtualMachineChanged.virtualMachine.id === id && e.virtualMachineChanged.virtualMachine.state === 'RUNNING');
    expect(running.virtualMachineChanged.virtualMachine.project.name).toBe('live');
    expect(running.virtualMachineChanged.virtualMachine.host?.hostname).toMatch(/^demo-host-/);
    const task = await until(
      () => t.gql<{ task: { state: string; progress: number; startedAt: string; finishedAt: string } }>('query($id: ID!) { task(id: $id) { state progress startedAt finishedAt } }', { id: payload?.task?.id }, admin),
      (r) => r.data?.task.state === 'SUCCEEDED',
    );
    expect(task.data?.task.progress).toBe(100);
    // Each event carries the VM as it is when the gateway fetches it, so the CREATED event may
    // already show a later state; the kinds and the final state are what is guaranteed.
    const mine = vmEvents.events.filter((e) => e.virtualMachineChanged.virtualMachine.id === id);
    expect(mine[0]?.virtualMachineChanged.kind).toBe('CREATED');
    expect(mine.at(-1)?.virtualMachineChanged.virtualMachine.state).toBe('RUNNING');
    vmEvents.close();
  });

  it('stops and deletes a VM through tasks, streaming each change', async () => {
    const created = await t.gql<CreatePayload>(CREATE, { i: { name: 'web-2', projectId, spec: { vcpus: 1, memoryMib: 1024 } } }, admin);
    const id = created.data?.createVirtualMachine.virtualMachine?.id as string;
    // A VM takes one task at a time: the next operation waits for the create's task to end
    // (the VM may show RUNNING a moment before its task does).
    await until(() => t.gql<{ task: { state: string } }>('query($id: ID!) { task(id: $id) { state } }', { id: created.data?.createVirtualMachine.task?.id }, admin), (r) => r.data?.task.state === 'SUCCEEDED');
    const client = ws(admin);
    const vmEvents = subscribe<VmEvent>(client, 'subscription($id: ID) { virtualMachineChanged(id: $id) { kind virtualMachine { id state } } }', { id });
    const taskEvents = subscribe<TaskEvent>(client, 'subscription($t: ID) { taskChanged(targetId: $t) { id kind state progress error { code } } }', { t: id });
    await new Promise((r) => setTimeout(r, 100));

    const stop = await t.gql<{ stopVirtualMachine: { task: { id: string }; userErrors: unknown[] } }>('mutation($id: ID!) { stopVirtualMachine(input: { id: $id }) { task { id } userErrors { code } } }', { id }, admin);
    expect(stop.data?.stopVirtualMachine.userErrors).toEqual([]);
    await vmEvents.next((e) => e.virtualMachineChanged.virtualMachine.state === 'STOPPED');
    await taskEvents.next((e) => e.taskChanged.kind === 'VM_STOP' && e.taskChanged.state === 'SUCCEEDED');

    const again = await t.gql<{ stopVirtualMachine: { userErrors: { code: string }[] } }>('mutation($id: ID!) { stopVirtualMachine(input: { id: $id }) { userErrors { code } } }', { id }, admin);
    expect(again.data?.stopVirtualMachine.userErrors[0]?.code).toBe('INVALID_STATE');

    const start = await t.gql<{ startVirtualMachine: { userErrors: unknown[] } }>('mutation($id: ID!) { startVirtualMachine(input: { id: $id }) { userErrors { code } } }', { id }, admin);
    expect(start.data?.startVirtualMachine.userErrors).toEqual([]);
    await vmEvents.next((e) => e.virtualMachineChanged.virtualMachine.state === 'RUNNING');
    await taskEvents.next((e) => e.taskChanged.kind === 'VM_START' && e.taskChanged.state === 'SUCCEEDED');

    const del = await t.gql<{ deleteVirtualMachine: { task: { id: string } | null; userErrors: { code: string }[] } }>('mutation($id: ID!) { deleteVirtualMachine(input: { id: $id, force: true }) { task { id } userErrors { code } } }', { id }, admin);
    expect(del.data?.deleteVirtualMachine.userErrors).toEqual([]);
    const deleted = await vmEvents.next((e) => e.virtualMachineChanged.kind === 'DELETED');
    expect(deleted.virtualMachineChanged.virtualMachine.id).toBe(id);
    await until(() => t.gql<{ virtualMachine: unknown }>('query($id: ID!) { virtualMachine(id: $id) { id } }', { id }, admin), (r) => r.data?.virtualMachine === null);
    vmEvents.close();
    taskEvents.close();
  });

  it('gives a VIEWER the events but refuses its mutations', async () => {
    const viewer = await t.userToken('VIEWER');
    const sub = subscribe<VmEvent>(ws(viewer), 'subscription { virtualMachineChanged { kind virtualMachine { id name state } } }');
    await new Promise((r) => setTimeout(r, 100));
    const refused = await t.gql(CREATE, { i: { name: 'by-viewer', projectId, spec: { vcpus: 1, memoryMib: 512 } } }, viewer);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const created = await t.gql<CreatePayload>(CREATE, { i: { name: 'watched', projectId, spec: { vcpus: 1, memoryMib: 512 } } }, admin);
    const id = created.data?.createVirtualMachine.virtualMachine?.id;
    const seen = await sub.next((e) => e.virtualMachineChanged.virtualMachine.id === id);
    expect(seen.virtualMachineChanged.virtualMachine.name).toBe('watched');
    sub.close();
  });

  it('refuses a subscription without a valid token', async () => {
    let code = 0;
    const c = wsClient(t.url, 'not-a-token', (closeCode) => (code = closeCode));
    clients.push(c);
    const sub = subscribe(c, 'subscription { hostChanged { kind } }');
    await until(async () => code, (v) => v !== 0);
    expect(code).toBe(4403);
    sub.close();
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await t.cp.db.prisma.virtualMachine.count();
    const tasksBefore = await t.cp.db.prisma.task.count();
    const res = await t.gql<CreatePayload>(CREATE, { i: { name: '', projectId, spec: { vcpus: 0, memoryMib: 1 } } }, admin);
    const errors = res.data?.createVirtualMachine.userErrors ?? [];
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((e) => e.code === 'INVALID')).toBe(true);
    expect(errors.map((e) => e.field.join('.'))).toEqual(expect.arrayContaining(['input.name', 'input.spec.vcpus']));
    const unknownProject = await t.gql<CreatePayload>(CREATE, { i: { name: 'x', projectId: '00000000-0000-4000-8000-000000000001', spec: { vcpus: 1, memoryMib: 512 } } }, admin);
    expect(unknownProject.data?.createVirtualMachine.userErrors[0]?.code).toBe('NOT_FOUND');
    expect(await t.cp.db.prisma.virtualMachine.count()).toBe(before);
    expect(await t.cp.db.prisma.task.count()).toBe(tasksBefore);
  });

  it('returns the first VM and task for a retried idempotency key, creating nothing new', async () => {
    const input = { name: 'idem', projectId, spec: { vcpus: 1, memoryMib: 512 }, idempotencyKey: 'create-idem-1' };
    const [a, b] = await Promise.all([t.gql<CreatePayload>(CREATE, { i: input }, admin), t.gql<CreatePayload>(CREATE, { i: input }, admin)]);
    const c = await t.gql<CreatePayload>(CREATE, { i: input }, admin);
    const ids = [a, b, c].map((r) => r.data?.createVirtualMachine.virtualMachine?.id);
    expect(new Set(ids).size).toBe(1);
    expect(new Set([a, b, c].map((r) => r.data?.createVirtualMachine.task?.id)).size).toBe(1);
    expect(await t.cp.db.prisma.virtualMachine.count({ where: { name: 'idem' } })).toBe(1);
    const other = await t.gql<CreatePayload>(CREATE, { i: { ...input, spec: { vcpus: 2, memoryMib: 512 } } }, admin);
    expect(other.data?.createVirtualMachine.userErrors[0]?.code).toBe('CONFLICT');
  });

  it('previews placement without placing, and says why nothing fits', async () => {
    const res = await t.gql<{ placementPreview: { chosen: { id: string } | null; candidates: { fits: boolean; score: number | null; reasons: string[]; host: { hostname: string } }[] } }>(
      'query($p: ID!) { placementPreview(input: { projectId: $p, spec: { vcpus: 1, memoryMib: 1048576 } }) { chosen { id } candidates { fits score reasons host { hostname } } } }',
      { p: projectId }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data?.placementPreview.chosen).toBeNull();
    expect(res.data?.placementPreview.candidates).toHaveLength(3);
    for (const c of res.data?.placementPreview.candidates ?? []) {
      expect(c).toMatchObject({ fits: false, score: null });
      expect(c.reasons[0]).toMatch(/memory: needs 1048576 MiB/);
    }
    const fits = await t.gql<{ placementPreview: { chosen: { id: string } | null; candidates: { fits: boolean; score: number | null }[] } }>(
      'query($p: ID!) { placementPreview(input: { projectId: $p, spec: { vcpus: 1, memoryMib: 512 } }) { chosen { id } candidates { fits score } } }', { p: projectId }, admin);
    expect(fits.data?.placementPreview.chosen).not.toBeNull();
    expect(fits.data?.placementPreview.candidates.every((c) => c.fits && c.score !== null)).toBe(true);
    const big = await t.gql<CreatePayload>(CREATE, { i: { name: 'too-big', projectId, spec: { vcpus: 1, memoryMib: 1048576 } } }, admin);
    const err = big.data?.createVirtualMachine.userErrors[0];
    expect(err?.code).toBe('NO_CAPACITY');
    expect(err?.message).toMatch(/0 of 3 hosts fit/);
  });
});
