import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import { User } from './user.type';

@ObjectType('CreateUserPayload')
export class CreateUserPayload {
  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors!: UserError[];
}
