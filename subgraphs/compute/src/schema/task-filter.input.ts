import { Field, ID, InputType } from 'type-graphql';
import type { TaskState as TaskStateValue } from '../domain/task';
import { TaskState } from './task-state.enum';

@InputType('TaskFilter')
export class TaskFilter {
  @Field(() => ID, { nullable: true }) targetId?: string | null;
  @Field(() => [TaskState], { nullable: true }) states?: TaskStateValue[] | null;
}
