import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The infrastructure subgraph's Host as compute sees it: the id, plus `virtualMachines`,
 * which compute contributes (HostResolver). Resolvable here so the gateway can ask compute
 * for that field; it is also what `VirtualMachine.host` returns, as a reference.
 */
@Directive('@key(fields: "id")')
@ObjectType('Host')
export class Host {
  @Field(() => ID) id!: string;
}
