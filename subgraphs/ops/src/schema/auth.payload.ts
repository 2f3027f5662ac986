import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../../platform/src';
import { User } from './user.type';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field(() => String, { nullable: true, description: 'Bearer token for the Authorization header; short-lived.' })
  accessToken?: string;

  @Field(() => String, { nullable: true, description: 'Single-use: refreshToken returns a new one and revokes this one.' })
  refreshToken?: string;

  @Field(() => Date, { nullable: true, description: 'When the access token expires.' })
  expiresAt?: Date;

  @Field(() => User, { nullable: true }) user?: User;
  @Field(() => [UserError]) userErrors!: UserError[];
}
