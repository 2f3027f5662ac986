import { Field, InputType, Int } from 'type-graphql';

@InputType('QuotaInput', { description: 'Limits of 0 or more; null means unlimited. In setProjectQuota an absent limit stays as it is.' })
export class QuotaInput {
  @Field(() => Int, { nullable: true }) vcpus?: number | null;
  @Field(() => Int, { nullable: true }) memoryMib?: number | null;
  @Field(() => Int, { nullable: true }) vms?: number | null;
  @Field(() => Int, { nullable: true }) storageGib?: number | null;
}
