import { Field, InputType } from 'type-graphql';
import { QuotaInput } from './quota.input';

@InputType('CreateProjectInput')
export class CreateProjectInput {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => QuotaInput, { nullable: true, description: 'Unlimited when absent.' }) quota?: QuotaInput | null;
}
