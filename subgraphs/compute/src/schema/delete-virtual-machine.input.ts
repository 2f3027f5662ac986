import { Field, ID, InputType } from 'type-graphql';

@InputType('DeleteVirtualMachineInput')
export class DeleteVirtualMachineInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { nullable: true, description: 'Delete even if running (it is stopped first).' }) force?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Also delete volumes created with the VM.' }) deleteVolumes?: boolean | null;
}
