import { Field, ID, InputType } from 'type-graphql';
import { LabelInput } from '../../../platform/src';

@InputType('RegisterHostInput')
export class RegisterHostInput {
  @Field(() => String) agentAddress!: string;
  @Field(() => ID, { nullable: true }) clusterId?: string | null;
  @Field(() => [LabelInput], { nullable: true }) labels?: LabelInput[] | null;
}
