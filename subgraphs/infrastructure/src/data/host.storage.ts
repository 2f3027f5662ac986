import type { Host as HostRow, Prisma } from '../../../../prisma/generated/client';
import { afterCursorWhere, cursorOrderBy, toConnection, type Connection, type Database, type PageRequest } from '../../../platform/src';
import { usageFromHeartbeat, type Host, type HostQuery } from '../domain/host';

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
