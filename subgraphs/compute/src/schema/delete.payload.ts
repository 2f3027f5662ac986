import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import type { Task as TaskValue } from '../domain/task';
import { Task } from './task.type';

/** Shared with the other subgraphs' deletions (removeHost, deleteVolume...), hence @shareable. */
@Directive('@shareable')
@ObjectType('DeletePayload')
export class DeletePayload {
  @Field(() => ID, { nullable: true }) deletedId?: string | null;
  @Field(() => Task, { nullable: true }) task?: TaskValue | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
