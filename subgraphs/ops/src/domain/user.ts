import type { Role } from '../../../platform/src/auth/viewer';

export type { Role };

/** A user as the API shows it: the password hash never leaves the data layer with it. */
export interface User {
  id: string;
  username: string;
  email: string;
  role: Role;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** What login needs: the user and the bcrypt hash to check the password against. */
export interface UserCredentials {
  user: User;
  passwordHash: string;
}

/** The bootstrap administrator's fixed identity. */
export const BOOTSTRAP_ADMIN = { username: 'admin', email: 'admin@localhost', role: 'ADMIN' } as const;
