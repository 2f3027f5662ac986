import { z } from 'zod';
import {
  ConflictError,
  InputError,
  UniqueViolation,
  UserErrorCode,
  UserErrorList,
  authorize,
  pageRequest,
  parseInput,
  type PageArgs,
} from '../../../platform/src';
import { isUuid } from '../domain/ids';
import type { PasswordHasher } from '../domain/password-hasher';
import type { User } from '../domain/user';
import type { UserStorage } from '../data/user.storage';
import type { OpsContext } from '../ops-context';
import { emailSchema, passwordSchema, roleSchema, usernameSchema } from './credentials.schema';

const createUserSchema = z.object({
  username: usernameSchema,
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema,
});

const taken = (field: 'username' | 'email') => ({
  field: ['input', field],
  code: UserErrorCode.CONFLICT,
  message: `${field} is already taken`,
});

export class UserService {
  constructor(
    private readonly users: UserStorage,
    private readonly hasher: PasswordHasher,
  ) {}

  /** The caller's own user; null when not authenticated (or the user no longer exists). */
  async me(ctx: OpsContext): Promise<User | null> {
    return ctx.viewer ? ctx.loaders.user.load(ctx.viewer.userId) : null;
  }

  /**
   * Users in creation order. The contract returns a plain list, which has no cursors to hand
   * out, so `after` is the id of the last user of the previous page.
   */
  async list(ctx: OpsContext, args: PageArgs): Promise<User[]> {
    authorize(ctx, 'user:read');
    const { size } = pageRequest({ first: args.first });
    let after = null;
    if (args.after) {
      after = isUuid(args.after) ? await this.users.cursorOf(args.after) : null;
      if (!after) throw new InputError('after must be the id of a user from the previous page', { field: ['after'] });
    }
    return this.users.list(size, after);
  }

  async byId(ctx: OpsContext, id: string): Promise<User | null> {
    authorize(ctx, 'user:read');
    return ctx.loaders.user.load(id);
  }

  async create(ctx: OpsContext, input: unknown): Promise<{ user: User }> {
    authorize(ctx, 'user:write');
    const data = parseInput(createUserSchema, input);
    const clash = await this.users.takenFields(data.username, data.email);
    const errors = [...(clash.username ? [taken('username')] : []), ...(clash.email ? [taken('email')] : [])];
    if (errors.length) throw new UserErrorList(errors);
    const passwordHash = await this.hasher.hash(data.password);
    try {
      return { user: await this.users.create({ username: data.username, email: data.email, role: data.role, passwordHash }) };
    } catch (err) {
      // Lost a race with a concurrent createUser after the check above.
      if (err instanceof UniqueViolation) throw new ConflictError(`${err.column} is already taken`, { field: ['input', err.column] });
      throw err;
    }
  }
}
