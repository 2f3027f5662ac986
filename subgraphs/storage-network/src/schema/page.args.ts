import { ArgsType, Field, Int } from 'type-graphql';

/** `first`/`after` of a Relay connection field; pageRequest checks the values. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true }) first?: number | null;
  @Field(() => String, { nullable: true }) after?: string | null;
}
