import { Field, Float, ObjectType } from 'type-graphql';

@ObjectType('HostUsage')
export class HostUsageType {
  @Field(() => Float) cpuPercent!: number;
  @Field(() => Float) memoryPercent!: number;
}
