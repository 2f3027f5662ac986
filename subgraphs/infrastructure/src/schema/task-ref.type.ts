import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of compute's Task: this subgraph knows only its id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Task')
export class TaskRef {
  @Field(() => ID) id!: string;
}
