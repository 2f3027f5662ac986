import { randomUUID } from 'node:crypto';
import {
  authorize,
  ConflictError,
  labelsToMap,
  NotFoundError,
  parseInput,
  QuotaExceededError,
  UserErrorCode,
  UserErrorList,
} from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { HostSnapshotStorage } from '../data/host-snapshot.storage';
import type { IdempotencyStorage, IdempotentResult } from '../data/idempotency.storage';
import { VmNameTaken, type VmCreationStorage, type VmCreationUnit } from '../data/vm-creation.storage';
import { quotaShortfalls, type QuotaAmounts, type QuotaResource } from '../domain/quota';
import type { PlacementRequest, Scheduler } from '../domain/scheduler';
import type { Task } from '../domain/task';
import type { VirtualMachine } from '../domain/virtual-machine';
import type { ComputeEvents } from './change-events';
import { reservePlacement } from './placement';
import { requestHash } from './request-hash';
import type { TaskDispatcher } from './task-dispatcher';
import { createVmSchema, type CreateVmInput } from './vm-input.schema';

/** How long a retry with the same idempotency key gets the first answer (Shopify keeps 24 h too). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const OPERATION = 'createVirtualMachine';

const QUOTA_FIELD: Record<QuotaResource, string[]> = {
  vcpus: ['input', 'spec', 'vcpus'],
  memoryMib: ['input', 'spec', 'memoryMib'],
  vms: ['input', 'projectId'],
};

export interface VmCreateDeps {
  creation: VmCreationStorage;
  idempotency: IdempotencyStorage;
  hosts: HostSnapshotStorage;
  scheduler: Scheduler;
  events: ComputeEvents;
  dispatcher: TaskDispatcher;
  now?: () => Date;
}

export interface CreatedVm {
  virtualMachine: VirtualMachine | null;
  task: Task | null;
}

/** The request as its idempotency hash sees it: defaults applied, label lists as maps. */
function canonicalRequest(input: CreateVmInput) {
  return {
    name: input.name,
    description: input.description ?? null,
    projectId: input.projectId,
    labels: labelsToMap(input.labels),
    spec: {
      vcpus: input.spec.vcpus,
      memoryMib: input.spec.memoryMib,
      image: input.spec.image ?? null,
      restartPriority: input.spec.restartPriority ?? 'MEDIUM',
      hostSelector: labelsToMap(input.spec.hostSelector),
    },
    start: input.start ?? true,
    hostId: input.hostId ?? null,
  };
}

/**
 * createVirtualMachine (`vm:create`): validates, then in one transaction claims the
 * idempotency key, reserves the project's quota and a host's capacity (the scheduler picks,
 * a conditional UPDATE reserves), and inserts the VM (PENDING) with its VM_CREATE task.
 * After the commit it publishes both and hands the task to the agent without waiting.
 */
export class VmCreateService {
  private readonly now: () => Date;

  constructor(private readonly deps: VmCreateDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async create(ctx: ComputeContext, rawInput: unknown): Promise<CreatedVm> {
    const viewer = authorize(ctx, 'vm:create');
    const input = parseInput(createVmSchema, rawInput, { at: ['input'], fieldInMessage: true });
    const request = canonicalRequest(input);
    const key = input.idempotencyKey ?? null;
    const hash = key ? requestHash(request) : '';
    if (key) {
      const known = await this.deps.idempotency.find(viewer.userId, key, this.now());
      if (known) return this.replay(ctx, known, hash);
    }
    await this.checkReferences(input);

    const vmId = randomUUID();
    const taskId = randomUUID();
    const placement: PlacementRequest = {
      vcpus: request.spec.vcpus,
      memoryMib: request.spec.memoryMib,
      hostSelector: request.spec.hostSelector,
      projectId: request.projectId,
      vmId,
      ...(request.hostId ? { pinnedHostId: request.hostId } : {}),
    };
    const created = await this.deps.creation
      .run(async (unit) => {
        const claim = { scope: viewer.userId, key: key ?? '', operation: OPERATION, requestHash: hash, resourceId: vmId, taskId };
        if (key && !(await unit.claimIdempotencyKey({ ...claim, expiresAt: new Date(this.now().getTime() + IDEMPOTENCY_TTL_MS) }))) return null;
        const hostId = await reservePlacement(unit, this.deps.scheduler, placement);
        const desiredState = request.start ? 'RUNNING' : 'STOPPED';
        const vm = await unit.insertVm({
          id: vmId,
          name: request.name,
          description: request.description,
          projectId: request.projectId,
          labels: request.labels,
          ...request.spec,
          desiredState,
          hostId,
          createdBy: viewer.username,
        });
        const params = { start: request.start, force: false, fromState: 'PENDING', fromDesiredState: desiredState, pendingState: 'PENDING' } as const;
        const task = await unit.insertTask({ id: taskId, kind: 'VM_CREATE', vmId, hostId, params, createdBy: viewer.username });
        // The project row is the hottest lock of a create (every create in the project takes
        // it), so it is taken last and held only until the commit.
        await this.reserveQuota(unit, request.projectId, { vcpus: request.spec.vcpus, memoryMib: request.spec.memoryMib, vms: 1 });
        return { vm, task };
      })
      .catch((err: unknown) => {
        if (err instanceof VmNameTaken) throw new ConflictError(err.message, { field: ['input', 'name'] });
        throw err;
      });

    if (!created) {
      // A concurrent request with the same key committed first: answer with its result.
      const winner = key ? await this.deps.idempotency.find(viewer.userId, key, this.now()) : null;
      if (!winner) throw new ConflictError('a concurrent request with the same idempotencyKey did not finish; retry', { field: ['input', 'idempotencyKey'] });
      return this.replay(ctx, winner, hash);
    }
    this.deps.events.vm('CREATED', created.vm);
    this.deps.events.task('CREATED', created.task);
    this.deps.dispatcher.dispatch(created.task.id);
    return { virtualMachine: created.vm, task: created.task };
  }

  /** Referenced objects must exist (NOT_FOUND), and the name must be free (CONFLICT); nothing is written. */
  private async checkReferences(input: CreateVmInput): Promise<void> {
    const [projectExists, hostExists, nameTaken] = await Promise.all([
      this.deps.creation.projectExists(input.projectId),
      input.hostId ? this.deps.hosts.exists(input.hostId) : Promise.resolve(true),
      this.deps.creation.nameTaken(input.projectId, input.name),
    ]);
    const errors = [
      ...(projectExists ? [] : [{ field: ['input', 'projectId'], code: UserErrorCode.NOT_FOUND, message: `project ${input.projectId} does not exist` }]),
      ...(hostExists ? [] : [{ field: ['input', 'hostId'], code: UserErrorCode.NOT_FOUND, message: `host ${input.hostId} does not exist` }]),
      ...(nameTaken ? [{ field: ['input', 'name'], code: UserErrorCode.CONFLICT, message: `a VM named ${input.name} already exists in the project` }] : []),
    ];
    if (errors.length > 0) throw new UserErrorList(errors);
  }

  /** The conditional reservation; when refused, says which limits, from the project row. */
  private async reserveQuota(unit: VmCreationUnit, projectId: string, amounts: QuotaAmounts): Promise<void> {
    if (await unit.reserveQuota(projectId, amounts)) return;
    const quota = await unit.projectQuota(projectId);
    if (!quota) throw new NotFoundError(`project ${projectId} does not exist`, { field: ['input', 'projectId'] });
    const shortfalls = quotaShortfalls(quota, amounts);
    if (shortfalls.length === 0) throw new QuotaExceededError('project quota exceeded', { field: ['input', 'projectId'] });
    throw new UserErrorList(shortfalls.map((s) => ({ field: QUOTA_FIELD[s.resource], code: UserErrorCode.QUOTA_EXCEEDED, message: s.message })));
  }

  /** The first request's result for a repeated key, or CONFLICT when the request differs. */
  private async replay(ctx: ComputeContext, known: IdempotentResult, hash: string): Promise<CreatedVm> {
    if (known.operation !== OPERATION || known.requestHash !== hash) {
      throw new ConflictError('idempotencyKey was already used for a different request', { field: ['input', 'idempotencyKey'] });
    }
    const [virtualMachine, task] = await Promise.all([
      known.resourceId ? ctx.loaders.vmById.load(known.resourceId) : null,
      known.taskId ? ctx.loaders.taskById.load(known.taskId) : null,
    ]);
    return { virtualMachine, task };
  }
}
