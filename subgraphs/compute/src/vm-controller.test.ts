// The live path: mutations hand tasks to simulated agents over real gRPC, and the VM
// controller follows the agents' events and reconciles, through faults (refusals, failures,
// agent crashes, power loss, a control-plane restart, lost events, silent hosts).
import type { VmController } from './index';
import { OPERATOR, pollUntil, recordChanges, startHarness, type Harness, type Json } from './testing/fixtures';

const CREATE = `mutation($input: CreateVirtualMachineInput!) { createVirtualMachine(input: $input) {
  virtualMachine { id host { id } } task { id } userErrors { code message } } }`;
const op = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { task { id kind } userErrors { code message } } }`;
const START = op('startVirtualMachine', 'VirtualMachineIdInput');
const STOP = op('stopVirtualMachine', 'StopVirtualMachineInput');
const REBOOT = op('rebootVirtualMachine', 'VirtualMachineIdInput');
const DELETE = `mutation($input: DeleteVirtualMachineInput!) { deleteVirtualMachine(input: $input) { deletedId task { id kind } userErrors { code message } } }`;

let h: Harness;
let project: string;
let changes: ReturnType<typeof recordChanges>;
let controller: VmController;

const vmRow = (id: string) => h.db.prisma.virtualMachine.findUnique({ where: { id } });
const taskRow = (id: string) => h.db.prisma.task.findUniqueOrThrow({ where: { id } });

async function vmIn(id: string, state: string, what = `VM ${id} ${state}`) {
  return pollUntil(async () => {
    const vm = await vmRow(id);
    return vm?.state === state && vm;
  }, what);
}

async function taskEnded(id: string) {
  return pollUntil(async () => {
    const t = await taskRow(id);
    return (t.state === 'SUCCEEDED' || t.state === 'FAILED') && t;
  }, `task ${id} to end`);
}

async function create(name: string, extra: Json = {}, harness = h, projectId = project): Promise<{ vmId: string; taskId: string; hostId: string }> {
  const out = (await harness.data(CREATE, { input: { name, projectId, spec: { vcpus: 2, memoryMib: 1024 }, ...extra } })).createVirtualMachine;
  expect(out.userErrors).toEqual([]);
  return { vmId: out.virtualMachine.id, taskId: out.task.id, hostId: out.virtualMachine.host.id };
}

/** Creates a VM and waits for its create task to succeed. */
async function ready(name: string, extra: Json = {}, harness = h, projectId = project) {
  const made = await create(name, extra, harness, projectId);
  const task = await pollUntil(async () => {
    const t = await harness.db.prisma.task.findUniqueOrThrow({ where: { id: made.taskId } });
    return (t.state === 'SUCCEEDED' || t.state === 'FAILED') && t;
  }, `VM ${name} to be created`);
  expect(task.state).toBe('SUCCEEDED');
  return made;
}

async function mutate(source: string, input: Json, field: string): Promise<string> {
  const out = (await h.data(source, { input }, OPERATOR))[field];
  expect(out.userErrors).toEqual([]);
  return out.task.id as string;
}

const simOf = (harness: Harness, hostId: string) => {
  const sim = harness.fleet.hosts[harness.hostIds.indexOf(hostId)];
  if (!sim) throw new Error(`no simulated host for ${hostId}`);
  return sim;
};

beforeAll(async () => {
  h = await startHarness({ hosts: 2 });
  project = await h.project('live');
  changes = recordChanges(h.bus);
  controller = h.startController();
  await followingAll(h);
});

/** Waits until the controller follows every host's events, so that none is missed. */
async function followingAll(harness: Harness): Promise<void> {
  await pollUntil(() => harness.fleet.hosts.every((sim) => harness.lines.some((l) => l.includes(`host ${sim.hostname}: following its agent events`))), 'the controller to follow every host');
}

afterAll(async () => {
  changes?.stop();
  await h?.close();
});

describe('the VM lifecycle through agents', () => {
  it('creates a VM up to RUNNING, its task to SUCCEEDED, publishing each change in order', async () => {
    const { vmId, taskId } = await create('web-1');
    await vmIn(vmId, 'RUNNING');
    expect(await taskEnded(taskId)).toMatchObject({ state: 'SUCCEEDED', progress: 100, errorCode: null });
    await pollUntil(() => changes.ofTask(taskId).some((e) => e.state === 'SUCCEEDED'), 'the SUCCEEDED task event');
    const vmEvents = changes.ofVm(vmId);
    expect(vmEvents.map((e) => `${e.kind} ${e.state}`)).toEqual(['CREATED PENDING', 'UPDATED STOPPED', 'UPDATED STARTING', 'UPDATED RUNNING']);
    expect(vmEvents.map((e) => e.version)).toEqual([...vmEvents.map((e) => e.version)].sort((a, b) => a - b));
    const taskVersions = changes.ofTask(taskId).map((e) => e.version);
    expect(taskVersions).toEqual([...taskVersions].sort((a, b) => a - b));
    expect(taskVersions[taskVersions.length - 1]).toBeGreaterThan(taskVersions[0] as number);
    expect(changes.ofTask(taskId).map((e) => `${e.kind} ${e.state} ${e.progress}`)).toEqual([
      'CREATED QUEUED 0',
      'UPDATED RUNNING 10',
      'UPDATED RUNNING 50',
      'UPDATED RUNNING 90',
      'UPDATED SUCCEEDED 100',
    ]);
  });

  it('stops, starts and reboots a VM, each task ending SUCCEEDED', async () => {
    const { vmId } = await ready('web-2');
    expect(await taskEnded(await mutate(STOP, { id: vmId }, 'stopVirtualMachine'))).toMatchObject({ state: 'SUCCEEDED', kind: 'VM_STOP' });
    expect(await vmRow(vmId)).toMatchObject({ state: 'STOPPED', desiredState: 'STOPPED' });
    expect(await taskEnded(await mutate(START, { id: vmId }, 'startVirtualMachine'))).toMatchObject({ state: 'SUCCEEDED' });
    expect(await vmRow(vmId)).toMatchObject({ state: 'RUNNING', desiredState: 'RUNNING' });
    const reboot = await mutate(REBOOT, { id: vmId }, 'rebootVirtualMachine');
    expect(await taskEnded(reboot)).toMatchObject({ state: 'SUCCEEDED' });
    expect(changes.ofVm(vmId).slice(-3).map((e) => e.state)).toEqual(['STOPPING', 'STARTING', 'RUNNING']);
  });

  it('deletes a running VM with force: the row goes, host and quota get their reservation back', async () => {
    const before = await h.db.prisma.project.findUniqueOrThrow({ where: { id: project } });
    const { vmId, hostId } = await ready('doomed');
    const host = await h.db.prisma.host.findUniqueOrThrow({ where: { id: hostId } });
    const refused = (await h.data(DELETE, { input: { id: vmId } })).deleteVirtualMachine;
    expect(refused.userErrors).toEqual([{ code: 'INVALID_STATE', message: 'cannot delete a VM that is RUNNING without force (doomed)' }]);
    const out = (await h.data(DELETE, { input: { id: vmId, force: true, deleteVolumes: true } })).deleteVirtualMachine;
    expect(out).toMatchObject({ deletedId: vmId, task: { kind: 'VM_DELETE' }, userErrors: [] });
    expect(await taskEnded(out.task.id)).toMatchObject({ state: 'SUCCEEDED', progress: 100 });
    expect(await vmRow(vmId)).toBeNull();
    const hostAfter = await h.db.prisma.host.findUniqueOrThrow({ where: { id: hostId } });
    expect([hostAfter.allocatedVcpus, hostAfter.allocatedMemoryMib]).toEqual([host.allocatedVcpus - 2, host.allocatedMemoryMib - 1024]);
    const after = await h.db.prisma.project.findUniqueOrThrow({ where: { id: project } });
    expect([after.usedVms, after.usedVcpus, after.usedMemoryMib]).toEqual([before.usedVms, before.usedVcpus, before.usedMemoryMib]);
    expect(simOf(h, hostId).vms().some((vm) => vm.vmId === vmId)).toBe(false);
    await pollUntil(() => changes.ofVm(vmId).some((e) => e.kind === 'DELETED'), 'the DELETED event');
    expect(changes.ofVm(vmId).find((e) => e.kind === 'DELETED')).toMatchObject({ name: 'doomed', state: 'DELETING', projectId: project, hostId });
  });
});

describe('agent refusals and failures', () => {
  it('puts the VM back when the agent refuses an operation', async () => {
    const { vmId, hostId } = await ready('refused', { start: false });
    simOf(h, hostId).failNext('StartVm', 'maintenance window', 'reject');
    const task = await taskEnded(await mutate(START, { id: vmId }, 'startVirtualMachine'));
    expect(task).toMatchObject({ state: 'FAILED', errorCode: 'REJECTED', errorMessage: expect.stringContaining('maintenance window') });
    const vm = await pollUntil(async () => {
      const row = await vmRow(vmId);
      return row?.state === 'STOPPED' && row;
    }, 'the VM to be put back');
    expect(vm).toMatchObject({ desiredState: 'STOPPED', stateReason: expect.stringContaining('VM_START refused by its host') });
  });

  it('fails the task and the VM when the operation fails on the host', async () => {
    const { vmId, hostId } = await ready('flaky', { start: false });
    simOf(h, hostId).failNext('StartVm', 'disk image corrupt');
    expect(await taskEnded(await mutate(START, { id: vmId }, 'startVirtualMachine'))).toMatchObject({ state: 'FAILED', errorCode: 'OPERATION_FAILED', errorMessage: 'disk image corrupt' });
    expect(await vmIn(vmId, 'FAILED')).toMatchObject({ stateReason: 'disk image corrupt' });
  });

  it('shows FAILED a VM deleted on its host behind the control plane', async () => {
    const { vmId, hostId } = await ready('vanishing');
    await h.agents.connect(simOf(h, hostId).address).deleteVm('someone-else', vmId);
    expect(await vmIn(vmId, 'FAILED')).toMatchObject({ stateReason: 'deleted on its host outside LimiQuantix' });
  });
});

describe('recovery', () => {
  it('repairs a state the database got wrong (a lost event) from the agent listing', async () => {
    const { vmId } = await ready('drifted');
    await h.db.prisma.virtualMachine.update({ where: { id: vmId }, data: { state: 'STOPPED', generation: { increment: 1 } } });
    await vmIn(vmId, 'RUNNING', 'the reconciler to restore RUNNING');
    expect(await h.db.prisma.task.count({ where: { targetId: vmId, createdBy: 'reconciler' } })).toBe(0);
  });

  it('restarts the VMs that should run after their host lost power, leaving stopped ones stopped', async () => {
    const sim = h.fleet.hosts[1];
    const hostId = h.hostIds[1] as string;
    const running = await ready('survivor', { hostId });
    const stopped = await ready('sleeper', { hostId, start: false });
    sim?.crash({ powerLoss: true });
    await sim?.restart();
    const restart = await pollUntil(
      () => h.db.prisma.task.findFirst({ where: { targetId: running.vmId, createdBy: 'reconciler', kind: 'VM_START', state: 'SUCCEEDED' } }),
      'the reconciler to restart the VM',
    );
    expect(restart).toBeTruthy();
    expect(await vmIn(running.vmId, 'RUNNING')).toMatchObject({ desiredState: 'RUNNING' });
    expect(await vmRow(stopped.vmId)).toMatchObject({ state: 'STOPPED' });
    expect(await h.db.prisma.task.count({ where: { targetId: stopped.vmId, createdBy: 'reconciler' } })).toBe(0);
  });

  it('fails a task whose host stays silent past the timeout; once it answers, the VM is driven to its desired state', async () => {
    const { vmId, hostId } = await ready('silent', { start: false });
    const sim = simOf(h, hostId);
    const timeout = h.deps.settings.taskTimeoutMs;
    h.deps.settings.taskTimeoutMs = 2_500;
    sim.crash();
    try {
      const taskId = await mutate(START, { id: vmId }, 'startVirtualMachine');
      await pollUntil(async () => (await taskRow(taskId)).message === 'agent unreachable, retrying', 'the unreachable note');
      expect(await taskEnded(taskId)).toMatchObject({ state: 'FAILED', errorCode: 'TIMEOUT', errorMessage: 'VM_START did not finish within 3 s: its host does not answer' });
      await vmIn(vmId, 'FAILED');
    } finally {
      h.deps.settings.taskTimeoutMs = timeout;
      await sim.restart();
    }
    // The host answers again: the listing shows the VM stopped while it should run (the start
    // was asked), so the reconciler starts it.
    const restart = await pollUntil(() => h.db.prisma.task.findFirst({ where: { targetId: vmId, createdBy: 'reconciler' } }), 'the reconciler to start the VM');
    expect(await taskEnded(restart.id)).toMatchObject({ kind: 'VM_START', state: 'SUCCEEDED' });
    expect(await vmRow(vmId)).toMatchObject({ state: 'RUNNING' });
  });
});

describe('control-plane restart', () => {
  it('settles, with a new controller, tasks that went on while no controller listened', async () => {
    const { vmId: sleeping } = await ready('queued-start', { start: false });
    // No controller from here: the mutation still hands its task to the agent, but nobody
    // follows the events. A task is also left QUEUED as if its process died before sending.
    await controller.stop();
    const { vmId, taskId } = await create('orphan-create');
    const sim = simOf(h, (await vmRow(vmId))?.hostId as string);
    await pollUntil(() => sim.vms().find((vm) => vm.vmId === vmId)?.state === 'RUNNING', 'the agent to run the VM');
    expect(await taskRow(taskId)).toMatchObject({ state: 'RUNNING' });
    await h.db.prisma.virtualMachine.update({ where: { id: sleeping }, data: { state: 'STARTING', desiredState: 'RUNNING', generation: { increment: 1 } } });
    const queued = await h.db.prisma.task.create({
      data: {
        kind: 'VM_START', targetType: 'VirtualMachine', targetId: sleeping, hostId: (await vmRow(sleeping))?.hostId, createdBy: 'oscar',
        params: { start: false, force: false, fromState: 'STOPPED', fromDesiredState: 'STOPPED', pendingState: 'STARTING' },
      },
    });
    h.lines.length = 0;
    controller = h.startController();
    expect(await taskEnded(taskId)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await vmIn(vmId, 'RUNNING')).toBeTruthy();
    expect(await taskEnded(queued.id)).toMatchObject({ state: 'SUCCEEDED' });
    expect(await vmIn(sleeping, 'RUNNING')).toBeTruthy();
  });
});

describe('an agent crashing in the middle of a create', () => {
  let slow: Harness;

  beforeAll(async () => {
    // Real latencies (a create takes 100 to 600 ms), so the crash lands mid-way.
    slow = await startHarness({ hosts: 1, latencyScale: 1 });
    slow.startController();
    await followingAll(slow);
  });

  afterAll(async () => {
    await slow?.close();
  });

  it('ends with the VM created once and RUNNING: the reconciler re-sends the create with the same id', async () => {
    const projectId = await slow.project('crashy');
    const { vmId, taskId } = await create('half-made', {}, slow, projectId);
    const sim = simOf(slow, slow.hostIds[0] as string);
    await pollUntil(() => sim.vms().some((vm) => vm.vmId === vmId), 'the agent to begin the create', 5_000);
    sim.crash();
    expect(sim.vms().some((vm) => vm.vmId === vmId)).toBe(false); // rolled back and forgotten
    await sim.restart();
    await pollUntil(async () => (await slow.db.prisma.task.findUniqueOrThrow({ where: { id: taskId } })).state === 'SUCCEEDED', 'the create to succeed', 10_000);
    expect(await slow.db.prisma.virtualMachine.findUniqueOrThrow({ where: { id: vmId } })).toMatchObject({ state: 'RUNNING' });
    expect(sim.vms().filter((vm) => vm.vmId === vmId)).toHaveLength(1);
    expect(await slow.db.prisma.virtualMachine.count()).toBe(1);
  });
});
