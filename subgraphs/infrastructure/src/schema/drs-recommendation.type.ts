import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import type { DrsRecommendationStatus, RecommendationPriority } from '../domain/cluster';
import { DrsRecommendationStatusEnum } from './drs-recommendation-status.enum';
import { RecommendationPriorityEnum } from './recommendation-priority.enum';

/**
 * A move DRS proposes. Resolvers hand out the domain `DrsRecommendation`; cluster,
 * virtualMachine, sourceHost, targetHost and task come from DrsRecommendationResolver.
 */
@Directive('@key(fields: "id")')
@ObjectType('DrsRecommendation')
export class DrsRecommendationType {
  @Field(() => ID) id!: string;
  @Field(() => RecommendationPriorityEnum) priority!: RecommendationPriority;
  @Field(() => String, { description: 'MIGRATE for now.' }) kind!: string;
  @Field(() => String) reason!: string;
  @Field(() => Float, { description: 'Expected drop of cluster imbalance if applied.' }) imbalanceBefore!: number;
  @Field(() => Float) imbalanceAfter!: number;
  @Field(() => DrsRecommendationStatusEnum) status!: DrsRecommendationStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) appliedAt!: Date | null;
}
