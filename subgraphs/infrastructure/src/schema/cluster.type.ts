import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { DrsAutomationLevel } from '../domain/cluster';
import { DrsAutomationLevelEnum } from './drs-automation-level.enum';

/**
 * A cluster of hosts sharing HA and DRS policy. Resolvers hand out the domain `Cluster`;
 * `hosts` and `drsStatus` come from ClusterResolver.
 */
@Directive('@key(fields: "id")')
@ObjectType('Cluster')
export class ClusterType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean) haEnabled!: boolean;
  @Field(() => Boolean) drsEnabled!: boolean;
  @Field(() => DrsAutomationLevelEnum) drsAutomationLevel!: DrsAutomationLevel;
  @Field(() => Int, { description: 'Percent; a host above it is overloaded.' }) drsCpuThreshold!: number;
  @Field(() => Int) drsMemoryThreshold!: number;
  @Field(() => Date) createdAt!: Date;
}
