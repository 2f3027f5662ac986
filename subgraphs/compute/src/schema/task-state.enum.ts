import { registerEnumType } from 'type-graphql';
import type { TaskState as TaskStateValue } from '../domain/task';

export const TaskState = {
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  FAILED: 'FAILED',
  CANCELLED: 'CANCELLED',
} as const satisfies { [S in TaskStateValue]: S };

registerEnumType(TaskState, { name: 'TaskState' });
