import type { Prisma, VirtualMachine as VmRow, VmDisk as VmDiskRow, VmNic as VmNicRow, Snapshot as SnapshotRow } from '../../../../prisma/generated/client';
import { afterCursorWhere, cursorOrderBy, type Database, type PageRequest } from '../../../platform/src';
import { labelMapOf } from '../domain/labels';
import type { PageRows } from './page-rows';
import { vmSpecOf, type Snapshot, type VirtualMachine, type VirtualMachineCriteria, type VmDisk, type VmNic } from '../domain/virtual-machine';

export function toVirtualMachine(row: VmRow): VirtualMachine {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    projectId: row.projectId,
    labels: labelMapOf(row.labels),
    spec: vmSpecOf(row),
    desiredState: row.desiredState,
    state: row.state,
    stateReason: row.stateReason,
    hostId: row.hostId,
    generation: row.generation,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toVmDisk(row: VmDiskRow): VmDisk {
  return { id: row.id, vmId: row.vmId, volumeId: row.volumeId, bootIndex: row.bootIndex, createdWithVm: row.createdWithVm, createdAt: row.createdAt };
}

function toVmNic(row: VmNicRow): VmNic {
  return {
    id: row.id,
    vmId: row.vmId,
    networkId: row.networkId,
    macAddress: row.macAddress,
    ipAddress: row.ipAddress,
    securityGroupIds: row.securityGroupIds,
    position: row.position,
  };
}

function toSnapshot(row: SnapshotRow): Snapshot {
  return { id: row.id, vmId: row.vmId, name: row.name, description: row.description, includesMemory: row.includesMemory, createdAt: row.createdAt };
}

function whereOf(criteria: VirtualMachineCriteria): Prisma.VirtualMachineWhereInput {
  return {
    ...(criteria.projectId ? { projectId: criteria.projectId } : {}),
    ...(criteria.hostId ? { hostId: criteria.hostId } : {}),
    ...(criteria.states?.length ? { state: { in: [...criteria.states] } } : {}),
    ...(criteria.nameContains ? { name: { contains: criteria.nameContains, mode: 'insensitive' as const } } : {}),
    // One JSON-path equality per label, all required.
    ...(criteria.labels?.length
      ? { AND: criteria.labels.map(({ key, value }) => ({ labels: { path: [key], equals: value } })) }
      : {}),
  };
}

/** The VM tables: virtual_machines and what hangs off a VM (disks, NICs, snapshots). */
export class VirtualMachineStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<VirtualMachine[]> {
    const rows = await this.db.virtualMachine.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toVirtualMachine);
  }

  /** One page in (createdAt, id) order, after the request's cursor. */
  async page(criteria: VirtualMachineCriteria, req: PageRequest): Promise<PageRows<VirtualMachine>> {
    const where = whereOf(criteria);
    const [rows, totalCount] = await Promise.all([
      this.db.virtualMachine.findMany({
        where: { AND: [where, afterCursorWhere(req.after)] },
        orderBy: cursorOrderBy(),
        take: req.size + 1,
      }),
      this.db.virtualMachine.count({ where }),
    ]);
    return { rows: rows.map(toVirtualMachine), totalCount };
  }

  /**
   * The first page of VMs of each host, in three queries whatever the number of hosts: a
   * window over host_id picks the ids, then the rows and the per-host counts.
   */
  async firstPagesByHost(hostIds: readonly string[], size: number): Promise<Map<string, PageRows<VirtualMachine>>> {
    const ranked = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM (
        SELECT id, row_number() OVER (PARTITION BY host_id ORDER BY created_at, id) AS rn
        FROM virtual_machines WHERE host_id = ANY(${[...hostIds]}::uuid[])
      ) ranked WHERE rn <= ${size + 1}`;
    const [rows, counts] = await Promise.all([
      ranked.length
        ? this.db.virtualMachine.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, orderBy: cursorOrderBy() })
        : Promise.resolve([]),
      this.db.virtualMachine.groupBy({ by: ['hostId'], where: { hostId: { in: [...hostIds] } }, _count: { _all: true } }),
    ]);
    const pages = new Map<string, PageRows<VirtualMachine>>(hostIds.map((id) => [id, { rows: [], totalCount: 0 }]));
    for (const row of rows) if (row.hostId) pages.get(row.hostId)?.rows.push(toVirtualMachine(row));
    for (const count of counts) {
      const page = count.hostId ? pages.get(count.hostId) : undefined;
      if (page) page.totalCount = count._count._all;
    }
    return pages;
  }

  /** Disks in boot order (data disks last). */
  async disksByVmIds(vmIds: readonly string[]): Promise<VmDisk[]> {
    const rows = await this.db.vmDisk.findMany({
      where: { vmId: { in: [...vmIds] } },
      orderBy: [{ bootIndex: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toVmDisk);
  }

  /** NICs in guest order. */
  async nicsByVmIds(vmIds: readonly string[]): Promise<VmNic[]> {
    const rows = await this.db.vmNic.findMany({
      where: { vmId: { in: [...vmIds] } },
      orderBy: [{ position: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(toVmNic);
  }

  /** Snapshots, oldest first. */
  async snapshotsByVmIds(vmIds: readonly string[]): Promise<Snapshot[]> {
    const rows = await this.db.snapshot.findMany({ where: { vmId: { in: [...vmIds] } }, orderBy: cursorOrderBy() });
    return rows.map(toSnapshot);
  }

  /** The VM each volume is attached to; volumes attached to nothing are absent. */
  async attachmentsByVolumeIds(volumeIds: readonly string[]): Promise<{ volumeId: string; vm: VirtualMachine }[]> {
    const rows = await this.db.vmDisk.findMany({ where: { volumeId: { in: [...volumeIds] } }, include: { vm: true } });
    return rows.map((row) => ({ volumeId: row.volumeId, vm: toVirtualMachine(row.vm) }));
  }

  /** VMs with a NIC in any of the groups, oldest first, each with the groups it is in. */
  async vmsInSecurityGroups(groupIds: readonly string[]): Promise<{ vm: VirtualMachine; groupIds: Set<string> }[]> {
    const nics = await this.db.vmNic.findMany({
      where: { securityGroupIds: { hasSome: [...groupIds] } },
      select: { vmId: true, securityGroupIds: true },
    });
    if (nics.length === 0) return [];
    const groupsOfVm = new Map<string, Set<string>>();
    for (const nic of nics) {
      const groups = groupsOfVm.get(nic.vmId) ?? new Set<string>();
      for (const id of nic.securityGroupIds) groups.add(id);
      groupsOfVm.set(nic.vmId, groups);
    }
    const rows = await this.db.virtualMachine.findMany({ where: { id: { in: [...groupsOfVm.keys()] } }, orderBy: cursorOrderBy() });
    return rows.map((row) => ({ vm: toVirtualMachine(row), groupIds: groupsOfVm.get(row.id) ?? new Set() }));
  }
}
