// The hosts table belongs to the infrastructure subgraph: it registers hosts and its heartbeat
// monitor sets their phase. Compute only READS host rows (id, hostname, agentAddress, phase,
// schedulable, labels, capacity, allocatable, allocated) for placement and to reach agents,
// and WRITES only the allocated_vcpus / allocated_memory_mib counters: a VM's reservation,
// taken with one conditional UPDATE (VmCreationUnit.reserveHost) and given back when the VM
// is deleted (VmStatusStorage.finalizeDeletion). Nothing else of a host row is written here.
import type { Prisma } from '../../../../prisma/generated/client';
import type { Database } from '../../../platform/src';
import { labelMapOf } from '../domain/labels';
import type { HostPhase, HostSnapshot } from '../domain/scheduler';

type Reader = Pick<Database, 'host'> | Pick<Prisma.TransactionClient, 'host'>;

const SNAPSHOT_COLUMNS = {
  id: true,
  hostname: true,
  phase: true,
  schedulable: true,
  labels: true,
  capacityVcpus: true,
  capacityMemoryMib: true,
  allocatableVcpus: true,
  allocatableMemoryMib: true,
  allocatedVcpus: true,
  allocatedMemoryMib: true,
  clusterId: true,
} as const;

type SnapshotRow = Prisma.HostGetPayload<{ select: typeof SNAPSHOT_COLUMNS }>;

function toSnapshot(row: SnapshotRow): HostSnapshot {
  return {
    id: row.id,
    hostname: row.hostname,
    phase: row.phase as HostPhase,
    schedulable: row.schedulable,
    labels: labelMapOf(row.labels),
    capacity: { vcpus: row.capacityVcpus, memoryMib: row.capacityMemoryMib },
    allocatable: { vcpus: row.allocatableVcpus, memoryMib: row.allocatableMemoryMib },
    allocated: { vcpus: row.allocatedVcpus, memoryMib: row.allocatedMemoryMib },
    clusterId: row.clusterId,
  };
}

/** Every host as the scheduler sees it, in hostname order; `reader` may be a transaction. */
export async function readHostSnapshots(reader: Reader): Promise<HostSnapshot[]> {
  const rows = await reader.host.findMany({ select: SNAPSHOT_COLUMNS, orderBy: { hostname: 'asc' } });
  return rows.map(toSnapshot);
}

/** A host whose agent the VM controller follows. */
export interface AgentTarget {
  id: string;
  hostname: string;
  agentAddress: string;
}

/** Read-only access to the infrastructure subgraph's hosts (see the top of this file). */
export class HostSnapshotStorage {
  constructor(private readonly db: Database) {}

  snapshots(): Promise<HostSnapshot[]> {
    return readHostSnapshots(this.db);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.host.count({ where: { id } })) > 0;
  }

  /** Every host, whatever its phase: a host that is down is watched until it comes back. */
  agentTargets(): Promise<AgentTarget[]> {
    return this.db.host.findMany({ select: { id: true, hostname: true, agentAddress: true }, orderBy: { hostname: 'asc' } });
  }

  async agentTarget(id: string): Promise<AgentTarget | null> {
    return this.db.host.findUnique({ where: { id }, select: { id: true, hostname: true, agentAddress: true } });
  }
}
