import { guardUnique, type Database, type CursorKey } from '../../../platform/src';
import type { User as UserRow } from '../../../../prisma/generated/client';
import type { Role, User, UserCredentials } from '../domain/user';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt,
    lastLoginAt: row.lastLoginAt,
  };
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  role: Role;
}

export class UserStorage {
  constructor(private readonly db: Database) {}

  async findByIds(ids: readonly string[]): Promise<User[]> {
    const rows = await this.db.user.findMany({ where: { id: { in: [...ids] } } });
    return rows.map(toUser);
  }

  async findCredentials(username: string): Promise<UserCredentials | null> {
    const row = await this.db.user.findUnique({ where: { username } });
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
  }

  /** Which of the username and email already belong to someone. */
  async takenFields(username: string, email: string): Promise<{ username: boolean; email: boolean }> {
    const rows = await this.db.user.findMany({
      where: { OR: [{ username }, { email }] },
      select: { username: true, email: true },
    });
    return { username: rows.some((r) => r.username === username), email: rows.some((r) => r.email === email) };
  }

  /** Throws UniqueViolation('username' | 'email') when either is taken. */
  async create(data: NewUser): Promise<User> {
    return toUser(await guardUnique(['username', 'email'], () => this.db.user.create({ data })));
  }

  async recordLogin(id: string, at: Date): Promise<User> {
    return toUser(await this.db.user.update({ where: { id }, data: { lastLoginAt: at } }));
  }

  /** The sort key of a user, to continue a listing after it; null when it does not exist. */
  async cursorOf(id: string): Promise<CursorKey | null> {
    return this.db.user.findUnique({ where: { id }, select: { id: true, createdAt: true } });
  }

  /** Up to `take` users in (createdAt, id) order, after `after` when given. */
  async list(take: number, after: CursorKey | null): Promise<User[]> {
    const rows = await this.db.user.findMany({
      where: after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {},
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take,
    });
    return rows.map(toUser);
  }
}
