import { Field, Int, ObjectType } from 'type-graphql';

/** Limits (null = unlimited) or, as Project.usage, what is in use. */
@ObjectType('Quota')
export class Quota {
  @Field(() => Int, { nullable: true }) vcpus!: number | null;
  @Field(() => Int, { nullable: true }) memoryMib!: number | null;
  @Field(() => Int, { nullable: true }) vms!: number | null;
  @Field(() => Int, { nullable: true }) storageGib!: number | null;
}
