import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Snapshot')
export class Snapshot {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Boolean) includesMemory!: boolean;
  @Field(() => Date) createdAt!: Date;
}
