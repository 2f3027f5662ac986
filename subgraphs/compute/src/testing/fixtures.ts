// Shared by this subgraph's tests: a migrated database, simulated agents over real gRPC with
// mutual TLS, in-process coordination and event bus, host rows pointing at the simulated
// agents, polling, and a recorder of change events. Not part of the package's API.
import { graphql, type ExecutionResult } from 'graphql';
import { createAgentConnector, createEphemeralPki, type AgentConnector } from '../../../../agents-client/src';
import { startSimulatedFleet, type SimulatedFleet } from '../../../../agents-client/sim';
import {
  channels,
  createInProcessCoordination,
  openDatabase,
  formatError,
  InProcessEventBus,
  type Coordination,
  type TaskChangedEvent,
  type Viewer,
  type VmChangedEvent,
} from '../../../platform/src';
import { pollUntil as platformPollUntil, type Probe } from '../../../platform/src/testing/poll-until';
import { createTestDatabaseTarget, type openTestDatabase } from '../../../platform/src/testing/test-database';
import { createComputeSubgraph, createVmController, type ComputeDeps, type ComputeSettings, type Logger, type VmController } from '../index';

export type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
export type ComputeSubgraph = Awaited<ReturnType<typeof createComputeSubgraph>>;
// Tests walk nested results freely; the assertions check their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export const ADMIN: Viewer = { userId: '00000000-0000-4000-8000-00000000000a', username: 'alice', role: 'ADMIN' };
export const OPERATOR: Viewer = { userId: '00000000-0000-4000-8000-00000000000b', username: 'oscar', role: 'OPERATOR' };
export const VIEWER: Viewer = { userId: '00000000-0000-4000-8000-00000000000c', username: 'victor', role: 'VIEWER' };

/** An object any use of which throws: what the schema-only composition path passes. */
export function refusing<T>(what: string): T {
  return new Proxy({}, { get: (_target, prop) => { throw new Error(`${what}.${String(prop)} used`); } }) as T;
}

/** Live dependencies that refuse every use: for tests that only query the database. */
export function refusingLiveDeps(): Pick<ComputeDeps, 'agents' | 'coordination' | 'events' | 'settings' | 'log'> {
  return {
    agents: refusing<AgentConnector>('agents'),
    coordination: refusing<Coordination>('coordination'),
    events: refusing<InProcessEventBus>('events'),
    settings: refusing<ComputeSettings>('settings'),
    log: quietLog().log,
  };
}

/** A logger that keeps its lines for assertions instead of printing them. */
export function quietLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => void lines.push(`info ${m}`), warn: (m) => void lines.push(`warn ${m}`) } };
}

/**
 * The platform's pollUntil with this subgraph's patience: its live tests drive a simulated
 * fleet through the controller, so outcomes get 8 s by default, checked every 15 ms.
 */
export function pollUntil<T>(probe: Probe<T>, what: string, timeoutMs = 8_000): Promise<T> {
  return platformPollUntil(probe, what, timeoutMs, 15);
}

/** Records every VM and task change event published on the bus from now on. */
export function recordChanges(bus: InProcessEventBus) {
  const vms: VmChangedEvent[] = [];
  const tasks: TaskChangedEvent[] = [];
  const vmQueue = bus.subscribe<VmChangedEvent>(channels.vm.all);
  const taskQueue = bus.subscribe<TaskChangedEvent>(channels.task.all);
  void (async () => {
    for await (const e of vmQueue) vms.push(e);
  })();
  void (async () => {
    for await (const e of taskQueue) tasks.push(e);
  })();
  return {
    vms,
    tasks,
    ofVm: (id: string) => vms.filter((e) => e.id === id),
    ofTask: (id: string) => tasks.filter((e) => e.id === id),
    stop: () => void Promise.all([vmQueue.return(), taskQueue.return()]),
  };
}

/**
 * openTestDatabase, closing more carefully on PostgreSQL: pg's Pool.end() resolves before its
 * clients' sockets are closed, and DROP DATABASE ... WITH (FORCE) right after kills them
 * mid-close, which surfaces as an unhandled pool error once a test has used the whole pool
 * (the concurrency tests do). So wait until the server shows no session on the database.
 */
async function openQuiescingTestDatabase(): Promise<TestDb> {
  const t = await createTestDatabaseTarget();
  const db = await openDatabase(t.target);
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      const url = process.env.TEST_DATABASE_URL;
      if (t.target.kind === 'postgres' && url) {
        const name = new URL(t.target.url).pathname.slice(1);
        const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
        try {
          await pollUntil(async () => {
            const [row] = await admin.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
            return row?.n === 0;
          }, `the sessions on ${name} to close`);
        } finally {
          await admin.close();
        }
      }
      await t.cleanup();
    },
  };
}

export interface HarnessOptions {
  hosts: number;
  /** Physical size of each simulated host (and of its row). Default 16 vCPU / 32 GiB. */
  capacity?: { vcpus: number; memoryMib: number };
  /** The rows' allocatable; default the capacity (the simulator does not overcommit memory). */
  allocatable?: { vcpus: number; memoryMib: number };
  settings?: Partial<ComputeSettings>;
  /** The simulator's latency multiplier; default 0.05 (operations take 5 to 30 ms). */
  latencyScale?: number;
}

/** Everything a live test needs; close() tears it all down. */
export async function startHarness(options: HarnessOptions) {
  const capacity = options.capacity ?? { vcpus: 16, memoryMib: 32_768 };
  const allocatable = options.allocatable ?? capacity;
  const db: TestDb = await openQuiescingTestDatabase();
  const pki = createEphemeralPki();
  const fleet: SimulatedFleet = await startSimulatedFleet({
    count: options.hosts,
    pki,
    latencyScale: options.latencyScale ?? 0.05,
    heartbeatMs: 100,
    capacity: { vcpus: [capacity.vcpus], memoryMib: [capacity.memoryMib] },
  });
  // Short deadlines and backoffs, so that crashed or hung agents show within a test's time.
  const agents: AgentConnector = createAgentConnector({
    tls: pki.controlPlane,
    deadlineMs: 1_000,
    retry: { maxAttempts: 2, initialMs: 50, maxMs: 200 },
    breaker: { failureThreshold: 5, cooldownMs: 300 },
    streamBackoff: { initialMs: 50, maxMs: 300 },
    channelBackoff: { initialMs: 50, maxMs: 300 },
  });
  const coordination: Coordination = createInProcessCoordination(1_000);
  const bus = new InProcessEventBus();
  const { log, lines } = quietLog();
  const deps: ComputeDeps = {
    db: db.prisma,
    audit: { write: async () => undefined },
    agents,
    coordination,
    events: bus,
    settings: { taskTimeoutMs: 6_000, reconcileIntervalMs: 150, ...options.settings },
    log,
  };
  const hostIds: string[] = [];
  for (const sim of fleet.hosts) {
    const row = await db.prisma.host.create({
      data: {
        hostname: sim.hostname,
        agentAddress: sim.address,
        phase: 'READY',
        capacityVcpus: capacity.vcpus,
        capacityMemoryMib: capacity.memoryMib,
        allocatableVcpus: allocatable.vcpus,
        allocatableMemoryMib: allocatable.memoryMib,
      },
    });
    hostIds.push(row.id);
  }
  const subgraph: ComputeSubgraph = await createComputeSubgraph(deps);
  const controllers: VmController[] = [];

  const run = (source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = ADMIN): Promise<ExecutionResult> =>
    Promise.resolve(
      graphql({
        schema: subgraph.schema,
        source,
        variableValues,
        contextValue: subgraph.createContext({ viewer, authError: null, clientIp: '127.0.0.1', requestId: 't' }),
      }),
    );

  return {
    db,
    fleet,
    agents,
    coordination,
    bus,
    deps,
    lines,
    hostIds,
    subgraph,
    run,
    /** The result's data as plain JSON; fails the test on errors. */
    async data(source: string, variableValues?: Record<string, unknown>, viewer: Viewer | null = ADMIN): Promise<Json> {
      const res = await run(source, variableValues, viewer);
      if (res.errors) throw new Error(`GraphQL errors: ${res.errors.map((e) => e.message).join('; ')}`);
      return JSON.parse(JSON.stringify(res.data)) as Json;
    },
    errorCode(res: ExecutionResult): unknown {
      const err = res.errors?.[0];
      return err ? formatError(err.toJSON(), err, () => undefined).extensions?.code : undefined;
    },
    startController(settleGraceMs = 400): VmController {
      const controller = createVmController(deps, { settleGraceMs });
      controller.start();
      controllers.push(controller);
      return controller;
    },
    async project(name: string, quota: { quotaVcpus?: number; quotaMemoryMib?: number; quotaVms?: number } = {}): Promise<string> {
      return (await db.prisma.project.create({ data: { name, ...quota } })).id;
    },
    async close(): Promise<void> {
      await Promise.all(controllers.map((c) => c.stop()));
      agents.close();
      fleet.stop();
      await coordination.close();
      await bus.close();
      await db.cleanup();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
