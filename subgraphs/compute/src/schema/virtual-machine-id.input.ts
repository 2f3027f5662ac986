import { Field, ID, InputType } from 'type-graphql';

@InputType('VirtualMachineIdInput')
export class VirtualMachineIdInput {
  @Field(() => ID) id!: string;
}
