import { z } from 'zod';
import {
  ConflictError,
  InvalidStateError,
  NotFoundError,
  UniqueViolation,
  UserErrorCode,
  UserErrorList,
  authorize,
  parseInput,
} from '../../../platform/src';
import { isUuid } from '../domain/ids';
import { UNLIMITED_QUOTA, quotaShortfalls, type Project, type Quota } from '../domain/project';
import type { ProjectStorage } from '../data/project.storage';
import type { OpsContext } from '../ops-context';

const limit = z
  .number()
  .int()
  .min(0, { message: 'must be 0 or more (null means unlimited)' })
  .nullable()
  .optional();
const quotaSchema = z.object({ vcpus: limit, memoryMib: limit, vms: limit, storageGib: limit });

const createProjectSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'name is required' })
    .max(64, { message: 'name must be at most 64 characters' }),
  description: z.string().max(1024, { message: 'description must be at most 1024 characters' }).nullish(),
  quota: quotaSchema.nullish(),
});

const setQuotaSchema = z.object({ projectId: z.string(), quota: quotaSchema });

/** Rounds of "lowering refused, yet usage now fits" before giving up: usage is moving. */
const QUOTA_ATTEMPTS = 3;

export class ProjectService {
  constructor(private readonly projects: ProjectStorage) {}

  async list(ctx: OpsContext): Promise<Project[]> {
    authorize(ctx, 'project:read');
    return this.projects.list();
  }

  /** Null for an unknown or malformed id. */
  async byId(ctx: OpsContext, id: string): Promise<Project | null> {
    authorize(ctx, 'project:read');
    return ctx.loaders.project.load(id);
  }

  async create(ctx: OpsContext, input: unknown): Promise<{ project: Project }> {
    authorize(ctx, 'project:write');
    const data = parseInput(createProjectSchema, input);
    try {
      const project = await this.projects.create({
        name: data.name,
        description: data.description ?? null,
        quota: { ...UNLIMITED_QUOTA, ...data.quota },
      });
      return { project };
    } catch (err) {
      if (err instanceof UniqueViolation) throw new ConflictError(`a project named "${data.name}" already exists`, { field: ['input', 'name'] });
      throw err;
    }
  }

  /**
   * Absent limits stay as they are, null ones become unlimited. A limit below what the
   * project already uses is refused (QUOTA_EXCEEDED), checked atomically with the write.
   */
  async setQuota(ctx: OpsContext, input: unknown): Promise<{ project: Project }> {
    authorize(ctx, 'project:write');
    const data = parseInput(setQuotaSchema, input);
    const notFound = new NotFoundError(`no project with id ${data.projectId}`, { field: ['input', 'projectId'] });
    if (!isUuid(data.projectId)) throw notFound;
    const quota: Partial<Quota> = data.quota;
    for (let attempt = 0; attempt < QUOTA_ATTEMPTS; attempt++) {
      const result = await this.projects.setQuota(data.projectId, quota);
      if (result.kind === 'notFound') throw notFound;
      if (result.kind === 'updated') return { project: result.project };
      const shortfalls = quotaShortfalls(quota, result.project.usage);
      if (shortfalls.length) {
        throw new UserErrorList(
          shortfalls.map((s) => ({
            field: ['input', 'quota', s.resource],
            code: UserErrorCode.QUOTA_EXCEEDED,
            message: `${s.resource} limit ${s.limit} is below current usage ${s.used}: free resources first or set at least ${s.used}`,
          })),
        );
      }
      // Usage dropped between the refused update and the read: try again.
    }
    throw new InvalidStateError('project usage is changing; retry');
  }
}
