import { Field, ID, InputType } from 'type-graphql';

@InputType('HostIdInput')
export class HostIdInput {
  @Field(() => ID) id!: string;
}
