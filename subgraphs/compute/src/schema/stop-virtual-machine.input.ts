import { Field, ID, InputType } from 'type-graphql';

@InputType('StopVirtualMachineInput')
export class StopVirtualMachineInput {
  @Field(() => ID) id!: string;
  @Field(() => Boolean, { nullable: true, description: 'Power off at once instead of a guest shutdown.' }) force?: boolean | null;
}
