import { Field, ID, InputType } from 'type-graphql';

/** Part of the contract; createVirtualMachine refuses NICs for now. */
@InputType('VmNicInput')
export class VmNicInput {
  @Field(() => ID) networkId!: string;
  @Field(() => String, { nullable: true, description: "Requested address; allocated from the network's CIDR when absent." }) ipAddress?: string | null;
  @Field(() => [ID], { nullable: true }) securityGroupIds?: string[] | null;
}
