import { z } from 'zod';
import { authorize, pageRequest, parseInput, toConnection, type Connection, type PageArgs } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type { TaskStorage } from '../data/task.storage';
import { TASK_STATES, type Task, type TaskCriteria, type TaskState } from '../domain/task';
import { isUuid } from '../domain/uuid';

/** The `TaskFilter` argument as the resolver hands it over. */
export interface TaskFilterArgs {
  targetId?: string | null;
  states?: TaskState[] | null;
}

const filterSchema = z.object({
  // Any object's id (the column is text, so no UUID check is needed to keep SQL valid).
  targetId: z.string().max(64).nullish(),
  states: z.array(z.enum(TASK_STATES)).nullish(),
});

function criteriaOf(filter: z.output<typeof filterSchema>): TaskCriteria {
  return {
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
    ...(filter.states ? { states: filter.states } : {}),
  };
}

/** Reading tasks (`task:read`), newest first. Cancelling joins in a later issue. */
export class TaskService {
  constructor(private readonly tasks: TaskStorage) {}

  /** The task, or null when it does not exist or the id is not a UUID. */
  async get(ctx: ComputeContext, id: string): Promise<Task | null> {
    authorize(ctx, 'task:read');
    return isUuid(id) ? ctx.loaders.taskById.load(id) : null;
  }

  async list(ctx: ComputeContext, filter: TaskFilterArgs | null | undefined, page: PageArgs): Promise<Connection<Task>> {
    authorize(ctx, 'task:read');
    const criteria = criteriaOf(parseInput(filterSchema, filter ?? {}, { at: ['filter'], fieldInMessage: true }));
    const req = pageRequest(page);
    const { rows, totalCount } = await this.tasks.page(criteria, req);
    return toConnection(rows, req, totalCount, (task) => task);
  }

  /** Tasks acting on one object (`VirtualMachine.tasks`): first pages are batched across objects. */
  async forTarget(ctx: ComputeContext, targetId: string, page: PageArgs): Promise<Connection<Task>> {
    authorize(ctx, 'task:read');
    const req = pageRequest(page);
    const { rows, totalCount } = req.after
      ? await this.tasks.page({ targetId }, req)
      : await ctx.loaders.taskFirstPageByTargetId.load({ parentId: targetId, size: req.size });
    return toConnection(rows, req, totalCount, (task) => task);
  }
}
