import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of the ops subgraph's Project: compute knows only the id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Project')
export class ProjectRef {
  @Field(() => ID) id!: string;
}
