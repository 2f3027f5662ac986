import { Arg, Mutation, Resolver } from 'type-graphql';
import { runMutation } from '../../../platform/src';
import { AuthPayload } from '../schema/auth.payload';
import { LoginInput } from '../schema/login.input';
import { RefreshTokenInput } from '../schema/refresh-token.input';
import type { AuthService } from '../services/auth.service';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => AuthPayload, { description: 'Exchanges a username and password for an access token and a refresh token.' })
  login(@Arg('input', () => LoginInput) input: LoginInput) {
    return runMutation(() => this.auth.login(input));
  }

  @Mutation(() => AuthPayload, { description: 'Exchanges a refresh token for new tokens; the presented one is revoked.' })
  refreshToken(@Arg('input', () => RefreshTokenInput) input: RefreshTokenInput) {
    return runMutation(() => this.auth.refresh(input));
  }
}
