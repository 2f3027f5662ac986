import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of the storage-network subgraph's VirtualNetwork: compute knows only the id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('VirtualNetwork')
export class VirtualNetworkRef {
  @Field(() => ID) id!: string;
}
