import type { AgentConnector } from '../../../agents-client/src';
import {
  buildFederatedSchema,
  ChangePublisher,
  instanceContainer,
  type AuditSink,
  type Coordination,
  type Database,
  type EventBus,
  type Subgraph,
} from '../../platform/src';
import type { ComputeContext } from './context';
import { LeaderVmController, type VmController } from './controllers/vm-controller';
import { VmDispatcher } from './controllers/vm-dispatcher';
import { VmEventHandler } from './controllers/vm-event-handler';
import { VmReconciler, type ReconcilerSettings } from './controllers/vm-reconciler';
import { createComputeStorage, createLoaders } from './data/loaders';
import { createScheduler, defaultProfile } from './domain/scheduler';
import { AffinityRuleResolver } from './resolvers/affinity-rule.resolver';
import { ComputeSubscriptionResolver } from './resolvers/compute-subscription.resolver';
import { HostResolver } from './resolvers/host.resolver';
import { PlacementPreviewResolver } from './resolvers/placement-preview.resolver';
import { SecurityGroupResolver } from './resolvers/security-group.resolver';
import { TaskResolver } from './resolvers/task.resolver';
import { VirtualMachineResolver } from './resolvers/virtual-machine.resolver';
import { VmMutationResolver } from './resolvers/vm-mutation.resolver';
import { VolumeResolver } from './resolvers/volume.resolver';
import { hostReference } from './schema/host.reference';
import { securityGroupReference } from './schema/security-group.reference';
import { taskReference } from './schema/task.reference';
import { virtualMachineReference } from './schema/virtual-machine.reference';
import { volumeReference } from './schema/volume.reference';
import { AffinityRuleService } from './services/affinity-rule.service';
import { ComputeEvents } from './services/change-events';
import { CONSOLE_LOGGER, describeError, type Logger } from './services/logger';
import { PlacementPreviewService } from './services/placement-preview.service';
import { TaskService } from './services/task.service';
import { VirtualMachineService } from './services/virtual-machine.service';
import { VmCreateService } from './services/vm-create.service';
import { VmOperations } from './services/vm-operations';
import { VmPowerService } from './services/vm-power.service';
import { VmStatusService } from './services/vm-status.service';

export type { ComputeContext } from './context';
export { VM_CONTROLLER_ELECTION, type VmController } from './controllers/vm-controller';
export { AGENT_UNREACHABLE } from './controllers/vm-dispatcher';
export type { Logger } from './services/logger';

export interface ComputeSettings {
  /** A VM task not finished after this long (since it was sent, or queued) fails with TIMEOUT. */
  taskTimeoutMs: number;
  /** Time between two reconciliation rounds of the VM controller (and re-readings of the host list). */
  reconcileIntervalMs: number;
}

/**
 * What the subgraph and its VM controller are built from. Building only stores these: nothing
 * is called on db, agents, coordination or events (nor settings read) until a request or the
 * controller runs, so the schema can be composed with stand-ins that refuse every use.
 */
export interface ComputeDeps {
  db: Database;
  audit: AuditSink;
  /** Dials agents over mutual TLS: VM operations, listings, event watches. */
  agents: AgentConnector;
  /** Leader election of the VM controller. */
  coordination: Coordination;
  /** Where VM and task changes are published (ChangePublisher.vm / .task). */
  events: EventBus;
  settings: ComputeSettings;
  /** Default: the console. */
  log?: Logger;
}

export interface VmControllerOptions {
  /** The election to campaign in; default VM_CONTROLLER_ELECTION ('vm-controller'). */
  electionName?: string;
  /**
   * How long before a listing may settle a task whose target is the VM's state before it (a
   * reboot); default min(taskTimeoutMs / 2, max(5 s, 2 × reconcileIntervalMs)).
   */
  settleGraceMs?: number;
}

/** What both the subgraph and the controller need; building it only stores references. */
function createLiveParts(deps: ComputeDeps) {
  const log = deps.log ?? CONSOLE_LOGGER;
  const storage = createComputeStorage(deps.db);
  const events = new ComputeEvents(new ChangePublisher(deps.events, (err) => log.warn(`change not published: ${describeError(err)}`)));
  const status = new VmStatusService(storage.status, storage.taskProgress, events);
  const dispatcher = new VmDispatcher({ tasks: storage.taskProgress, vms: storage.status, hosts: storage.hosts, agents: deps.agents, status, log });
  const operations = new VmOperations(storage.operations, storage.taskProgress, events, dispatcher);
  return { log, storage, events, status, dispatcher, operations };
}

/**
 * The compute subgraph: virtual machines (queries, lifecycle mutations, placement preview),
 * affinity rules and tasks, the subscriptions the gateway serves from this subgraph's change
 * events, and the fields it contributes to other subgraphs' entities (Host.virtualMachines,
 * Volume.attachedTo, SecurityGroup.virtualMachines). Mutations hand their tasks to the agents
 * at once; the VM controller (createVmController) follows them to the end.
 */
export async function createComputeSubgraph(deps: ComputeDeps): Promise<Subgraph<ComputeContext>> {
  const { storage, events, dispatcher, operations } = createLiveParts(deps);
  const scheduler = createScheduler(defaultProfile);
  const vmService = new VirtualMachineService(storage.vms);
  const taskService = new TaskService(storage.tasks);
  const affinityRuleService = new AffinityRuleService(storage.affinityRules);
  const createService = new VmCreateService({
    creation: storage.creation,
    idempotency: storage.idempotency,
    hosts: storage.hosts,
    scheduler,
    events,
    dispatcher,
  });
  const powerService = new VmPowerService(operations);
  const previewService = new PlacementPreviewService(storage.hosts, storage.creation, scheduler);

  const resolvers = [
    new VirtualMachineResolver(vmService, taskService, affinityRuleService),
    new VmMutationResolver(createService, powerService),
    new PlacementPreviewResolver(previewService),
    new ComputeSubscriptionResolver(),
    new TaskResolver(taskService),
    new AffinityRuleResolver(affinityRuleService),
    new HostResolver(vmService),
    new VolumeResolver(vmService),
    new SecurityGroupResolver(vmService),
  ];
  const schema = await buildFederatedSchema({
    resolvers: [
      VirtualMachineResolver,
      VmMutationResolver,
      PlacementPreviewResolver,
      ComputeSubscriptionResolver,
      TaskResolver,
      AffinityRuleResolver,
      HostResolver,
      VolumeResolver,
      SecurityGroupResolver,
    ],
    container: instanceContainer(resolvers),
    references: {
      VirtualMachine: virtualMachineReference(vmService),
      Task: taskReference(taskService),
      Host: hostReference,
      Volume: volumeReference,
      SecurityGroup: securityGroupReference,
    },
    audit: deps.audit,
  });
  return {
    name: 'compute',
    schema,
    createContext: (base) => ({ ...base, loaders: createLoaders(storage) }),
  };
}

function reconcilerSettings(settings: ComputeSettings, options: VmControllerOptions): ReconcilerSettings {
  const interval = settings.reconcileIntervalMs;
  return {
    taskTimeoutMs: settings.taskTimeoutMs,
    settleGraceMs: options.settleGraceMs ?? Math.min(settings.taskTimeoutMs / 2, Math.max(5_000, 2 * interval)),
    sendBackoff: { initialMs: interval, maxMs: Math.max(interval, 30_000) },
    correctionBackoff: { initialMs: interval, maxMs: Math.max(interval, 300_000) },
  };
}

/**
 * The VM controller: start() campaigns for the 'vm-controller' leadership and, while leading,
 * applies every agent's VM events, reconciles VMs and tasks with the agents every
 * reconcileIntervalMs (and at once on taking office), and re-sends or times out tasks;
 * stop() resigns and closes every watch. Every process serving the subgraph may start one;
 * only the leader works.
 */
export function createVmController(deps: ComputeDeps, options: VmControllerOptions = {}): VmController {
  const { log, storage, status, dispatcher, operations } = createLiveParts(deps);
  const reconciler = new VmReconciler({
    vms: storage.status,
    tasks: storage.taskProgress,
    status,
    operations,
    dispatcher,
    log,
    settings: () => reconcilerSettings(deps.settings, options),
  });
  return new LeaderVmController({
    hosts: storage.hosts,
    idempotency: storage.idempotency,
    agents: deps.agents,
    coordination: deps.coordination,
    reconciler,
    handler: new VmEventHandler({ vms: storage.status, tasks: storage.taskProgress, status }),
    dispatcher,
    log,
    intervalMs: () => deps.settings.reconcileIntervalMs,
    ...(options.electionName ? { electionName: options.electionName } : {}),
  });
}
