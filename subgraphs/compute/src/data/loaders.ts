import DataLoader from 'dataloader';
import type { Database } from '../../../platform/src';
import type { AffinityRule } from '../domain/affinity-rule';
import type { Task } from '../domain/task';
import type { Snapshot, VirtualMachine, VmDisk, VmNic } from '../domain/virtual-machine';
import { AffinityRuleStorage } from './affinity-rule.storage';
import { HostSnapshotStorage } from './host-snapshot.storage';
import { IdempotencyStorage } from './idempotency.storage';
import type { PageRows } from './page-rows';
import { TaskProgressStorage } from './task-progress.storage';
import { TaskStorage } from './task.storage';
import { VirtualMachineStorage } from './virtual-machine.storage';
import { VmCreationStorage } from './vm-creation.storage';
import { VmOperationStorage } from './vm-operation.storage';
import { VmStatusStorage } from './vm-status.storage';

/** The subgraph's storage objects, built once at start-up around one database client (which they only store). */
export interface ComputeStorage {
  vms: VirtualMachineStorage;
  affinityRules: AffinityRuleStorage;
  tasks: TaskStorage;
  taskProgress: TaskProgressStorage;
  hosts: HostSnapshotStorage;
  creation: VmCreationStorage;
  idempotency: IdempotencyStorage;
  operations: VmOperationStorage;
  status: VmStatusStorage;
}

export function createComputeStorage(db: Database): ComputeStorage {
  return {
    vms: new VirtualMachineStorage(db),
    affinityRules: new AffinityRuleStorage(db),
    tasks: new TaskStorage(db),
    taskProgress: new TaskProgressStorage(db),
    hosts: new HostSnapshotStorage(db),
    creation: new VmCreationStorage(db),
    idempotency: new IdempotencyStorage(db),
    operations: new VmOperationStorage(db),
    status: new VmStatusStorage(db),
  };
}

/** A parent's first page of children: batched across parents when no cursor is given. */
export interface FirstPageKey {
  parentId: string;
  size: number;
}

/**
 * Per-request DataLoaders: each turns the many loads of one GraphQL execution level (a page
 * of VMs, an `_entities` batch) into one query, and caches by key for the request only, so
 * one caller never sees another's data and nothing goes stale across requests.
 */
export interface ComputeLoaders {
  vmById: DataLoader<string, VirtualMachine | null>;
  disksByVmId: DataLoader<string, VmDisk[]>;
  nicsByVmId: DataLoader<string, VmNic[]>;
  snapshotsByVmId: DataLoader<string, Snapshot[]>;
  affinityRulesByVmId: DataLoader<string, AffinityRule[]>;
  vmsByAffinityRuleId: DataLoader<string, VirtualMachine[]>;
  vmByVolumeId: DataLoader<string, VirtualMachine | null>;
  vmsBySecurityGroupId: DataLoader<string, VirtualMachine[]>;
  vmFirstPageByHostId: DataLoader<FirstPageKey, PageRows<VirtualMachine>, string>;
  taskById: DataLoader<string, Task | null>;
  taskFirstPageByTargetId: DataLoader<FirstPageKey, PageRows<Task>, string>;
}

/** The row for each key, in key order; null where there is none. */
function oneEach<T>(keys: readonly string[], rows: readonly T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row] as const));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** The rows for each key, in key order, keeping the rows' order. */
function allEach<R, T>(keys: readonly string[], rows: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => T): T[][] {
  const byKey = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(valueOf(row));
  return keys.map((key) => byKey.get(key) ?? []);
}

const identity = <T>(x: T) => x;

/** Batches first-page loads by page size (nearly always one size per batch). */
function firstPageLoader<T>(fetch: (parentIds: string[], size: number) => Promise<Map<string, PageRows<T>>>) {
  return new DataLoader<FirstPageKey, PageRows<T>, string>(
    async (keys) => {
      const sizes = [...new Set(keys.map((k) => k.size))];
      const bySize = new Map(
        await Promise.all(sizes.map(async (size) => [size, await fetch(keys.filter((k) => k.size === size).map((k) => k.parentId), size)] as const)),
      );
      return keys.map((k) => bySize.get(k.size)?.get(k.parentId) ?? { rows: [], totalCount: 0 });
    },
    { cacheKeyFn: (k) => `${k.size}:${k.parentId}` },
  );
}

export function createLoaders(storage: ComputeStorage): ComputeLoaders {
  const { vms, affinityRules, tasks } = storage;
  return {
    vmById: new DataLoader(async (ids) => oneEach(ids, await vms.findByIds(ids), (vm) => vm.id)),
    disksByVmId: new DataLoader(async (ids) => allEach(ids, await vms.disksByVmIds(ids), (d) => d.vmId, identity)),
    nicsByVmId: new DataLoader(async (ids) => allEach(ids, await vms.nicsByVmIds(ids), (n) => n.vmId, identity)),
    snapshotsByVmId: new DataLoader(async (ids) => allEach(ids, await vms.snapshotsByVmIds(ids), (s) => s.vmId, identity)),
    affinityRulesByVmId: new DataLoader(async (ids) =>
      allEach(ids, await affinityRules.rulesByVmIds(ids), (m) => m.vmId, (m) => m.rule),
    ),
    vmsByAffinityRuleId: new DataLoader(async (ids) =>
      allEach(ids, await affinityRules.membersByRuleIds(ids), (m) => m.ruleId, (m) => m.vm),
    ),
    vmByVolumeId: new DataLoader(async (ids) =>
      oneEach(ids, await vms.attachmentsByVolumeIds(ids), (a) => a.volumeId).map((a) => a?.vm ?? null),
    ),
    vmsBySecurityGroupId: new DataLoader(async (ids) => {
      const members = await vms.vmsInSecurityGroups(ids);
      return ids.map((id) => members.filter((m) => m.groupIds.has(id)).map((m) => m.vm));
    }),
    vmFirstPageByHostId: firstPageLoader((hostIds, size) => vms.firstPagesByHost(hostIds, size)),
    taskById: new DataLoader(async (ids) => oneEach(ids, await tasks.findByIds(ids), (t) => t.id)),
    taskFirstPageByTargetId: firstPageLoader((targetIds, size) => tasks.firstPagesByTarget(targetIds, size)),
  };
}
