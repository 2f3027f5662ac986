import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The storage-network subgraph's SecurityGroup as compute sees it: the id, plus
 * `virtualMachines`, which compute contributes from the NICs (SecurityGroupResolver).
 * Also `VmNic.securityGroups`.
 */
@Directive('@key(fields: "id")')
@ObjectType('SecurityGroup')
export class SecurityGroup {
  @Field(() => ID) id!: string;
}
