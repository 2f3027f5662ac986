import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Role } from '../domain/user';
import { RoleEnum } from './role.enum';

@Directive('@key(fields: "id")')
@ObjectType('User')
export class User {
  @Field(() => ID) id!: string;
  @Field(() => String) username!: string;
  @Field(() => String) email!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastLoginAt!: Date | null;
}
