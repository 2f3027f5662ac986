import { Field, ObjectType } from 'type-graphql';

/** What ClusterResolver.drsStatus returns; imbalance and the pending count are resolved lazily. */
export interface DrsStatusSource {
  clusterId: string;
  lastRunAt: Date | null;
}

/** `imbalance` and `pendingRecommendations` come from DrsStatusResolver. */
@ObjectType('DrsStatus')
export class DrsStatusType implements DrsStatusSource {
  /** Not in the API: the key the lazy fields load by. */
  clusterId!: string;
  @Field(() => Date, { nullable: true }) lastRunAt!: Date | null;
}
