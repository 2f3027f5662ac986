import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InputError, parseInput, UnreachableCaseError } from '../../../platform/src';
import { signAccessToken } from '../domain/access-token';
import { PASSWORD_MAX_BYTES } from '../domain/credentials-policy';
import type { PasswordHasher } from '../domain/password-hasher';
import { hashRefreshToken, newRefreshToken } from '../domain/refresh-token';
import type { User } from '../domain/user';
import type { RefreshTokenStorage } from '../data/refresh-token.storage';
import type { UserStorage } from '../data/user.storage';

export interface TokenSettings {
  jwtSecret: Uint8Array;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  now: () => Date;
}

export interface AuthResult {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires. */
  expiresAt: Date;
  user: User;
}

/** One message for an unknown user and a wrong password, so neither is revealed. */
export const BAD_CREDENTIALS = 'Invalid username or password';

const loginSchema = z.object({
  // Usernames are lowercase; accept "Admin" for "admin" as people type it.
  username: z.string().trim().toLowerCase().min(1, { message: 'username is required' }),
  password: z.string().min(1, { message: 'password is required' }),
});
const refreshSchema = z.object({ refreshToken: z.string().min(1, { message: 'refreshToken is required' }) });

/** Login and refresh-token rotation. Neither needs a viewer: they are how one gets one. */
export class AuthService {
  constructor(
    private readonly users: UserStorage,
    private readonly tokens: RefreshTokenStorage,
    private readonly hasher: PasswordHasher,
    private readonly settings: TokenSettings,
  ) {}

  async login(input: unknown): Promise<AuthResult> {
    const { username, password } = parseInput(loginSchema, input);
    const credentials = await this.users.findCredentials(username);
    // Every failing path costs one bcrypt comparison, so timing tells nothing either.
    // Passwords over bcrypt's 72 bytes were never accepted at creation; without this check
    // bcrypt would compare only their first 72 bytes.
    if (!credentials || Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
      await this.hasher.burnVerification(password.slice(0, PASSWORD_MAX_BYTES));
      throw new InputError(BAD_CREDENTIALS);
    }
    if (!(await this.hasher.verify(password, credentials.passwordHash))) throw new InputError(BAD_CREDENTIALS);
    const now = this.settings.now();
    const user = await this.users.recordLogin(credentials.user.id, now);
    const refresh = this.newRefresh(now);
    await this.tokens.issue(user.id, randomUUID(), { tokenHash: refresh.hash, expiresAt: refresh.expiresAt });
    return this.result(user, refresh.token, now);
  }

  async refresh(input: unknown): Promise<AuthResult> {
    const { refreshToken } = parseInput(refreshSchema, input);
    const field = ['input', 'refreshToken'];
    const now = this.settings.now();
    const next = this.newRefresh(now);
    const rotation = await this.tokens.rotate(hashRefreshToken(refreshToken), { tokenHash: next.hash, expiresAt: next.expiresAt }, now);
    switch (rotation.kind) {
      case 'unknown':
        throw new InputError('refresh token invalid', { field });
      case 'expired':
        throw new InputError('refresh token expired: log in again', { field });
      case 'reused':
        throw new InputError('refresh token revoked', { field });
      case 'rotated': {
        // The role may have changed since login: the new access token carries today's.
        const [user] = await this.users.findByIds([rotation.userId]);
        if (!user) throw new InputError('refresh token invalid', { field });
        return this.result(user, next.token, now);
      }
      default:
        throw new UnreachableCaseError(rotation);
    }
  }

  private newRefresh(now: Date) {
    return { ...newRefreshToken(), expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000) };
  }

  private async result(user: User, refreshToken: string, now: Date): Promise<AuthResult> {
    const access = await signAccessToken(
      this.settings.jwtSecret,
      { userId: user.id, username: user.username, role: user.role },
      { now, ttlSeconds: this.settings.accessTokenTtlSeconds },
    );
    return { accessToken: access.token, refreshToken, expiresAt: access.expiresAt, user };
  }
}
