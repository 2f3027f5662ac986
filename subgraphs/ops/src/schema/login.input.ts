import { Field, InputType } from 'type-graphql';

@InputType('LoginInput')
export class LoginInput {
  @Field(() => String) username!: string;
  @Field(() => String) password!: string;
}
