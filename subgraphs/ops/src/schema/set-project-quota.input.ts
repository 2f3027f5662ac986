import { Field, ID, InputType } from 'type-graphql';
import { QuotaInput } from './quota.input';

@InputType('SetProjectQuotaInput')
export class SetProjectQuotaInput {
  @Field(() => ID) projectId!: string;
  @Field(() => QuotaInput) quota!: QuotaInput;
}
