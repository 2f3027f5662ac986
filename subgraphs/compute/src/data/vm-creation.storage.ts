// The writes of createVirtualMachine, all in one transaction: the idempotency key, the
// project's quota, the host's reservation, the VM and its task. The reservations are
// conditional UPDATEs (`used + n <= limit`): PostgreSQL re-evaluates the WHERE clause on the
// row it locked, so any number of concurrent creates can never push a host past its
// allocatable or a project past its quota (PGlite runs one transaction at a time anyway).
import type { Prisma } from '../../../../prisma/generated/client';
import { isUniqueViolation, type Database } from '../../../platform/src';
import type { ProjectQuota, QuotaAmounts } from '../domain/quota';
import type { HostSnapshot } from '../domain/scheduler';
import type { Task } from '../domain/task';
import type { DesiredVmState, RestartPriority, VirtualMachine } from '../domain/virtual-machine';
import { readHostSnapshots } from './host-snapshot.storage';
import { toTask } from './task.storage';
import { vmTaskRow, type NewVmTask } from './task-progress.storage';
import { toVirtualMachine } from './virtual-machine.storage';

/** Thrown by VmCreationUnit.insertVm when the project already has a VM of that name. */
export class VmNameTaken extends Error {
  constructor(readonly vmName: string, options?: { cause?: unknown }) {
    super(`a VM named ${vmName} already exists in the project`, options);
  }
}

/**
 * Generous bounds: a burst of creates queues on the project row (and, on PGlite, on the one
 * connection), and each waits its turn rather than failing.
 */
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  operation: string;
  requestHash: string;
  resourceId: string;
  taskId: string;
  expiresAt: Date;
}

export interface NewVm {
  id: string;
  name: string;
  description: string | null;
  projectId: string;
  labels: Record<string, string>;
  vcpus: number;
  memoryMib: number;
  image: string | null;
  restartPriority: RestartPriority;
  hostSelector: Record<string, string>;
  desiredState: DesiredVmState;
  hostId: string;
  createdBy: string;
}

/** The operations of one create transaction; every one runs on the transaction's connection. */
export class VmCreationUnit {
  constructor(private readonly tx: Prisma.TransactionClient) {}

  /**
   * Records the key, unless another request holds it: false then (the caller rolls back and
   * answers with the winner's result). An expired key is replaced. Concurrent claims of one
   * key wait on each other in PostgreSQL, and only the first to commit keeps it.
   */
  async claimIdempotencyKey(claim: IdempotencyClaim): Promise<boolean> {
    await this.tx.$executeRaw`DELETE FROM idempotency_keys WHERE scope = ${claim.scope} AND key = ${claim.key} AND expires_at <= now()`;
    const inserted = await this.tx.$executeRaw`
      INSERT INTO idempotency_keys (key, scope, operation, request_hash, resource_id, task_id, created_at, expires_at)
      VALUES (${claim.key}, ${claim.scope}, ${claim.operation}, ${claim.requestHash}, ${claim.resourceId}, ${claim.taskId}, now(), ${claim.expiresAt})
      ON CONFLICT (scope, key) DO NOTHING`;
    return inserted === 1;
  }

  /** Adds the VM to the project's usage if every limit allows it; false otherwise (or no project). */
  async reserveQuota(projectId: string, amounts: QuotaAmounts): Promise<boolean> {
    const { vcpus, memoryMib, vms } = amounts;
    const updated = await this.tx.$executeRaw`
      UPDATE projects
      SET used_vcpus = used_vcpus + ${vcpus}, used_memory_mib = used_memory_mib + ${memoryMib}, used_vms = used_vms + ${vms}, updated_at = now()
      WHERE id = ${projectId}::uuid
        AND (quota_vcpus IS NULL OR used_vcpus + ${vcpus} <= quota_vcpus)
        AND (quota_memory_mib IS NULL OR used_memory_mib + ${memoryMib} <= quota_memory_mib)
        AND (quota_vms IS NULL OR used_vms + ${vms} <= quota_vms)`;
    return updated === 1;
  }

  async projectQuota(projectId: string): Promise<ProjectQuota | null> {
    const row = await this.tx.project.findUnique({ where: { id: projectId } });
    if (!row) return null;
    return {
      limits: { vcpus: row.quotaVcpus, memoryMib: row.quotaMemoryMib, vms: row.quotaVms },
      used: { vcpus: row.usedVcpus, memoryMib: row.usedMemoryMib, vms: row.usedVms },
    };
  }

  /** Fresh on each call (each statement reads the latest committed rows). */
  hostSnapshots(): Promise<HostSnapshot[]> {
    return readHostSnapshots(this.tx);
  }

  /**
   * Reserves the VM's resources on the host if it is READY, schedulable, has room and is not
   * locked by another create at this moment (SKIP LOCKED): never waits, and locks the row
   * only when it reserves. False otherwise.
   */
  async tryReserveHost(hostId: string, vcpus: number, memoryMib: number): Promise<boolean> {
    const updated = await this.tx.$executeRaw`
      UPDATE hosts
      SET allocated_vcpus = allocated_vcpus + ${vcpus}, allocated_memory_mib = allocated_memory_mib + ${memoryMib}
      WHERE id = (
        SELECT id FROM hosts
        WHERE id = ${hostId}::uuid AND phase = 'READY' AND schedulable
          AND allocated_vcpus + ${vcpus} <= allocatable_vcpus
          AND allocated_memory_mib + ${memoryMib} <= allocatable_memory_mib
        FOR NO KEY UPDATE SKIP LOCKED)`;
    return updated === 1;
  }

  /**
   * Reserves the VM's resources on the host if it is READY, schedulable and has room; false
   * otherwise. Waits for a concurrent create holding the row. Beware: when PostgreSQL waits
   * for a row and the re-checked condition then fails, the row stays locked by this
   * transaction until it ends, so callers must take hosts in one global order.
   */
  async reserveHost(hostId: string, vcpus: number, memoryMib: number): Promise<boolean> {
    const updated = await this.tx.$executeRaw`
      UPDATE hosts
      SET allocated_vcpus = allocated_vcpus + ${vcpus}, allocated_memory_mib = allocated_memory_mib + ${memoryMib}
      WHERE id = ${hostId}::uuid AND phase = 'READY' AND schedulable
        AND allocated_vcpus + ${vcpus} <= allocatable_vcpus
        AND allocated_memory_mib + ${memoryMib} <= allocatable_memory_mib`;
    return updated === 1;
  }

  /** Throws VmNameTaken when the project already has a VM of that name. */
  async insertVm(vm: NewVm): Promise<VirtualMachine> {
    try {
      return toVirtualMachine(await this.tx.virtualMachine.create({ data: { ...vm, state: 'PENDING' } }));
    } catch (err) {
      if (isUniqueViolation(err)) throw new VmNameTaken(vm.name, { cause: err });
      throw err;
    }
  }

  async insertTask(task: NewVmTask): Promise<Task> {
    return toTask(await this.tx.task.create({ data: vmTaskRow(task) }));
  }
}

/**
 * Project rows belong to the ops subgraph: compute reads them and writes only their used_*
 * counters (reserveQuota here, the release in VmStatusStorage.finalizeDeletion).
 */
export class VmCreationStorage {
  constructor(private readonly db: Database) {}

  async projectExists(id: string): Promise<boolean> {
    return (await this.db.project.count({ where: { id } })) > 0;
  }

  /** Checked before the transaction for a clear error; the unique key still decides. */
  async nameTaken(projectId: string, name: string): Promise<boolean> {
    return (await this.db.virtualMachine.count({ where: { projectId, name } })) > 0;
  }

  /** Runs `work` in one transaction: everything it wrote is undone if it throws. */
  run<T>(work: (unit: VmCreationUnit) => Promise<T>): Promise<T> {
    return this.db.$transaction((tx) => work(new VmCreationUnit(tx)), TRANSACTION_OPTIONS);
  }
}
