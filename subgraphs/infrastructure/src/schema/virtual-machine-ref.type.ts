import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Stub of compute's VirtualMachine: this subgraph knows only its id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('VirtualMachine')
export class VirtualMachineRef {
  @Field(() => ID) id!: string;
}
