import type { ComputeContext } from '../context';
import type { TaskService } from '../services/task.service';

/** `_entities` for Task: batched by the request's taskById loader, checked for task:read. */
export function taskReference(tasks: TaskService) {
  return { __resolveReference: (ref: { id: string }, ctx: ComputeContext) => tasks.get(ctx, ref.id) };
}
