import { Field, ObjectType } from 'type-graphql';

@ObjectType('TaskError')
export class TaskError {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
}
