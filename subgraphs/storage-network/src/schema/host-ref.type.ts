import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** infrastructure's Host: we return `{ id }` and the gateway fetches the rest there. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Host')
export class HostRef {
  @Field(() => ID) id!: string;
}
