import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** ops' Project: we return `{ id }` and the gateway fetches the rest there. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Project')
export class ProjectRef {
  @Field(() => ID) id!: string;
}
