import { ArgsType, Field, ID, Int } from 'type-graphql';

/** Arguments of Query.volumes, in the contract's order. */
@ArgsType()
export class VolumesArgs {
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
