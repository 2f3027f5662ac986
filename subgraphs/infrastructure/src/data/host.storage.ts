import type { Host as HostRow, Prisma } from '../../../../prisma/generated/client';
import { afterCursorWhere, cursorOrderBy, guardUnique, toConnection, type Connection, type Database, type PageRequest } from '../../../platform/src';
import { usageFromHeartbeat, type Host, type HostPhase, type HostQuery, type HostUsage, type Resources } from '../domain/host';
import type { AllocatableRow, WatchTarget } from '../domain/host-monitor-plan';
import type { NewHost } from '../domain/host-registration';

/** Columns of the hosts table a registration can clash on. */
export const HOST_UNIQUE_COLUMNS = ['hostname', 'agent_address'] as const;

/** The hosts table, read as domain hosts. */
export class HostStorage {
  constructor(private readonly db: Database) {}

  /** Hosts with these ids, in no particular order; missing ids are simply absent. */
  async findByIds(ids: readonly string[]): Promise<Host[]> {
    const rows = await this.db.host.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toHost);
  }

  /** One page in (createdAt, id) order, with the count of every match. */
  async page(query: HostQuery, req: PageRequest): Promise<Connection<Host>> {
    const where = hostWhere(query);
    const [rows, totalCount] = await Promise.all([
      this.db.host.findMany({
        where: { AND: [where, afterCursorWhere(req.after)] },
        orderBy: cursorOrderBy(),
        take: req.size + 1,
      }),
      this.db.host.count({ where }),
    ]);
    return toConnection(rows, req, totalCount, toHost);
  }

  /** The host registered under this (normalized) agent address or hostname, if any. */
  async findByAddressOrHostname(agentAddress: string, hostname?: string): Promise<Host | null> {
    const row = await this.db.host.findFirst({
      where: { OR: [{ agentAddress }, ...(hostname !== undefined ? [{ hostname }] : [])] },
    });
    return row ? toHost(row) : null;
  }

  /**
   * Inserts a registered host. A clash on hostname or agent address (a concurrent
   * registration) throws UniqueViolation naming the column.
   */
  async insert(host: NewHost): Promise<Host> {
    const row = await guardUnique(HOST_UNIQUE_COLUMNS, () =>
      this.db.host.create({
        data: {
          hostname: host.hostname,
          agentAddress: host.agentAddress,
          agentVersion: host.agentVersion,
          capabilities: host.capabilities,
          labels: host.labels,
          phase: host.phase,
          schedulable: host.schedulable,
          capacityVcpus: host.capacity.vcpus,
          capacityMemoryMib: host.capacity.memoryMib,
          allocatableVcpus: host.allocatable.vcpus,
          allocatableMemoryMib: host.allocatable.memoryMib,
          lastHeartbeatAt: host.lastHeartbeatAt,
          clusterId: host.clusterId,
        },
      }),
    );
    return toHost(row);
  }

  /**
   * Sets the schedulable flag. `changed` is false when it already had that value (nothing is
   * written); null when the host does not exist.
   */
  async setSchedulable(id: string, schedulable: boolean): Promise<{ host: Host; changed: boolean } | null> {
    const [row] = await this.db.host.updateManyAndReturn({ where: { id, schedulable: !schedulable }, data: { schedulable } });
    if (row) return { host: toHost(row), changed: true };
    const current = await this.db.host.findUnique({ where: { id } });
    return current ? { host: toHost(current), changed: false } : null;
  }

  /** Every host the monitor follows, oldest first. */
  async watchTargets(): Promise<(WatchTarget & { phase: HostPhase })[]> {
    return this.db.host.findMany({ select: { id: true, agentAddress: true, phase: true }, orderBy: cursorOrderBy() });
  }

  /** Capacity and allocatable of every host, for recomputing allocatable. */
  async allocatableRows(): Promise<AllocatableRow[]> {
    const rows = await this.db.host.findMany({
      select: { id: true, capacityVcpus: true, capacityMemoryMib: true, allocatableVcpus: true, allocatableMemoryMib: true },
      orderBy: cursorOrderBy(),
    });
    return rows.map((r) => ({
      id: r.id,
      capacity: { vcpus: r.capacityVcpus, memoryMib: r.capacityMemoryMib },
      allocatable: { vcpus: r.allocatableVcpus, memoryMib: r.allocatableMemoryMib },
    }));
  }

  /**
   * Writes a new allocatable if the row still holds `from` (a concurrent registration or
   * refresh wins); the updated host, or null when nothing was written.
   */
  async replaceAllocatable(id: string, from: Resources, to: Resources): Promise<Host | null> {
    const [row] = await this.db.host.updateManyAndReturn({
      where: { id, allocatableVcpus: from.vcpus, allocatableMemoryMib: from.memoryMib },
      data: { allocatableVcpus: to.vcpus, allocatableMemoryMib: to.memoryMib },
    });
    return row ? toHost(row) : null;
  }

  /** Records a heartbeat's figures in one UPDATE; null when the host no longer exists. */
  async recordHeartbeat(id: string, usage: HostUsage, at: Date): Promise<Host | null> {
    const [row] = await this.db.host.updateManyAndReturn({
      where: { id },
      data: { cpuPercent: usage.cpuPercent, memoryPercent: usage.memoryPercent, lastHeartbeatAt: at },
    });
    return row ? toHost(row) : null;
  }

  /**
   * Moves the host to `to` if it is in one of the `from` phases, atomically (an operator's
   * concurrent drain or maintenance is never overwritten); the updated host, or null when it
   * was in another phase or is gone.
   */
  async transitionPhase(id: string, from: readonly HostPhase[], to: HostPhase): Promise<Host | null> {
    const [row] = await this.db.host.updateManyAndReturn({ where: { id, phase: { in: [...from] } }, data: { phase: to } });
    return row ? toHost(row) : null;
  }

  /** The READY hosts of each cluster, keyed by cluster id (DRS balance reads only those). */
  async readyHostsByCluster(clusterIds: readonly string[]): Promise<Map<string, Host[]>> {
    const rows = await this.db.host.findMany({
      where: { clusterId: { in: [...clusterIds] }, phase: 'READY' },
      orderBy: cursorOrderBy(),
    });
    const byCluster = new Map<string, Host[]>();
    for (const row of rows) {
      if (row.clusterId === null) continue;
      const list = byCluster.get(row.clusterId) ?? [];
      list.push(toHost(row));
      byCluster.set(row.clusterId, list);
    }
    return byCluster;
  }
}

function hostWhere(query: HostQuery): Prisma.HostWhereInput {
  const labels = query.labels ?? [];
  return {
    ...(query.clusterId !== undefined ? { clusterId: query.clusterId } : {}),
    ...(query.phases && query.phases.length > 0 ? { phase: { in: query.phases } } : {}),
    // labels is a JSONB {key: value} map; each required label is one path equality, ANDed.
    ...(labels.length > 0 ? { AND: labels.map(({ key, value }) => ({ labels: { path: [key], equals: value } })) } : {}),
  };
}

function toHost(row: HostRow): Host {
  return {
    id: row.id,
    hostname: row.hostname,
    agentAddress: row.agentAddress,
    agentVersion: row.agentVersion,
    capabilities: row.capabilities,
    labels: labelMap(row.labels),
    phase: row.phase,
    schedulable: row.schedulable,
    capacity: { vcpus: row.capacityVcpus, memoryMib: row.capacityMemoryMib },
    allocatable: { vcpus: row.allocatableVcpus, memoryMib: row.allocatableMemoryMib },
    allocated: { vcpus: row.allocatedVcpus, memoryMib: row.allocatedMemoryMib },
    usage: usageFromHeartbeat(row.lastHeartbeatAt, row.cpuPercent, row.memoryPercent),
    lastHeartbeatAt: row.lastHeartbeatAt,
    clusterId: row.clusterId,
    createdAt: row.createdAt,
  };
}

/** The JSONB column as a string map; anything that is not a string value is dropped. */
function labelMap(json: Prisma.JsonValue): Record<string, string> {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(json)) if (typeof value === 'string') out[key] = value;
  return out;
}
