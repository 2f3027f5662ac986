import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { runMutation } from '../../../platform/src';
import type { OpsContext } from '../ops-context';
import { CreateUserInput } from '../schema/create-user.input';
import { CreateUserPayload } from '../schema/create-user.payload';
import { User } from '../schema/user.type';
import type { UserService } from '../services/user.service';

@Resolver(() => User)
export class UserResolver {
  constructor(private readonly service: UserService) {}

  @Query(() => User, { nullable: true, description: 'The caller; null when not logged in.' })
  me(@Ctx() ctx: OpsContext) {
    return this.service.me(ctx);
  }

  @Query(() => [User], { description: 'Users in creation order. Page with `after` = the id of the last user of the previous page.' })
  users(
    @Ctx() ctx: OpsContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return this.service.list(ctx, { first, after });
  }

  @Mutation(() => CreateUserPayload)
  createUser(@Ctx() ctx: OpsContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return runMutation(() => this.service.create(ctx, input));
  }
}
