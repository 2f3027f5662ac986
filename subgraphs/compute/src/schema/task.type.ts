import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { TaskState as TaskStateValue } from '../domain/task';
import { TaskError } from './task-error.type';
import { TaskState } from './task-state.enum';

/** Long-running work. An entity: other subgraphs' payloads (drainHost, DRS) reference it. */
@Directive('@key(fields: "id")')
@ObjectType('Task')
export class Task {
  @Field(() => ID) id!: string;

  @Field(() => String, {
    description: 'e.g. VM_CREATE, VM_START, VM_STOP, VM_REBOOT, VM_MIGRATE, VM_DELETE, SNAPSHOT_CREATE, HOST_DRAIN, HA_RESTART, DRS_APPLY, VOLUME_ATTACH',
  })
  kind!: string;

  @Field(() => TaskState) state!: TaskStateValue;
  @Field(() => Int, { description: '0 to 100.' }) progress!: number;
  @Field(() => String, { description: 'The object the task acts on: its type name and id.' }) targetType!: string;
  @Field(() => ID) targetId!: string;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => TaskError, { nullable: true }) error!: TaskError | null;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) startedAt!: Date | null;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}
