import { guardUnique, type Database } from '../../../platform/src';
import type { Prisma, Project as ProjectRow } from '../../../../prisma/generated/client';
import type { Project, Quota } from '../domain/project';

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    quota: { vcpus: row.quotaVcpus, memoryMib: row.quotaMemoryMib, vms: row.quotaVms, storageGib: row.quotaStorageGib },
    usage: { vcpus: row.usedVcpus, memoryMib: row.usedMemoryMib, vms: row.usedVms, storageGib: row.usedStorageGib },
    createdAt: row.createdAt,
  };
}

/** Quota columns to write; undefined leaves a column as it is, null makes it unlimited. */
function quotaColumns(q: Partial<Quota>) {
  return { quotaVcpus: q.vcpus, quotaMemoryMib: q.memoryMib, quotaVms: q.vms, quotaStorageGib: q.storageGib };
}

export type QuotaUpdate = { kind: 'updated'; project: Project } | { kind: 'notFound' } | { kind: 'belowUsage'; project: Project };

export class ProjectStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<Project[]> {
    const rows = await this.db.project.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toProject);
  }

  async list(): Promise<Project[]> {
    const rows = await this.db.project.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(toProject);
  }

  /** Throws UniqueViolation('name') when the name is taken. */
  async create(data: { name: string; description: string | null; quota: Quota }): Promise<Project> {
    const row = await guardUnique(['name'], () =>
      this.db.project.create({ data: { name: data.name, description: data.description, ...quotaColumns(data.quota) } }),
    );
    return toProject(row);
  }

  /**
   * Sets limits with one conditional UPDATE that matches only while usage fits under every
   * new limit. Compute reserves usage with its own conditional UPDATE on the same row, so
   * the two serialize on the row lock and usage can never end up above a limit.
   */
  async setQuota(id: string, quota: Partial<Quota>): Promise<QuotaUpdate> {
    const fits: Prisma.ProjectWhereInput = {};
    if (typeof quota.vcpus === 'number') fits.usedVcpus = { lte: quota.vcpus };
    if (typeof quota.memoryMib === 'number') fits.usedMemoryMib = { lte: quota.memoryMib };
    if (typeof quota.vms === 'number') fits.usedVms = { lte: quota.vms };
    if (typeof quota.storageGib === 'number') fits.usedStorageGib = { lte: quota.storageGib };
    const { count } = await this.db.project.updateMany({ where: { id, ...fits }, data: quotaColumns(quota) });
    const row = await this.db.project.findUnique({ where: { id } });
    if (!row) return { kind: 'notFound' };
    return { kind: count === 1 ? 'updated' : 'belowUsage', project: toProject(row) };
  }
}
