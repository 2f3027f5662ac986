import { Field, InputType } from 'type-graphql';

@InputType('RefreshTokenInput')
export class RefreshTokenInput {
  @Field(() => String) refreshToken!: string;
}
