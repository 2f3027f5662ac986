import { Field, InputType } from 'type-graphql';
import type { Role } from '../domain/user';
import { RoleEnum } from './role.enum';

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field(() => String, { description: "3 to 64 characters of lowercase letters, digits, '.', '_' or '-'." })
  username!: string;

  @Field(() => String) email!: string;

  @Field(() => String, { description: 'At least 12 characters, at most 72 bytes.' })
  password!: string;

  @Field(() => RoleEnum) role!: Role;
}
