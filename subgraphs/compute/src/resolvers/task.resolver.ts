import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Connection } from '../../../platform/src';
import type { ComputeContext } from '../context';
import type * as domain from '../domain/task';
import { TaskConnection } from '../schema/task-connection.type';
import { TaskFilter } from '../schema/task-filter.input';
import { Task } from '../schema/task.type';
import type { TaskService } from '../services/task.service';

@Resolver(() => Task)
export class TaskResolver {
  constructor(private readonly tasks: TaskService) {}

  @Query(() => Task, { nullable: true })
  task(@Arg('id', () => ID) id: string, @Ctx() ctx: ComputeContext): Promise<domain.Task | null> {
    return this.tasks.get(ctx, id);
  }

  /** Newest first. */
  @Query(() => TaskConnection, { name: 'tasks' })
  listTasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: ComputeContext,
  ): Promise<Connection<domain.Task>> {
    return this.tasks.list(ctx, filter, { first, after });
  }
}
