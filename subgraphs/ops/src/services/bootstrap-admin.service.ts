import { randomBytes } from 'node:crypto';
import { UniqueViolation, type Database } from '../../../platform/src';
import { passwordProblem } from '../domain/credentials-policy';
import { PasswordHasher } from '../domain/password-hasher';
import { BOOTSTRAP_ADMIN } from '../domain/user';
import { UserStorage } from '../data/user.storage';

export interface BootstrapAdminOptions {
  /** The admin's password; when absent a strong one is generated and returned. */
  password?: string;
  /** bcrypt cost; default 10. */
  bcryptRounds?: number;
}

export interface BootstrapAdminResult {
  created: boolean;
  /** Set only when this call created the admin with a generated password: print it once. */
  generatedPassword?: string;
}

/**
 * Creates the `admin` user (ADMIN, admin@localhost) unless a user of that name exists, so a
 * fresh installation can be logged into. Safe when replicas start together: the loser of
 * the race hits the unique username and reports `created: false`. A configured password
 * that breaks the password policy is a configuration error and throws.
 */
export async function ensureBootstrapAdmin(db: Database, opts: BootstrapAdminOptions = {}): Promise<BootstrapAdminResult> {
  const users = new UserStorage(db);
  if (await users.findCredentials(BOOTSTRAP_ADMIN.username)) return { created: false };
  if (opts.password !== undefined) {
    const problem = passwordProblem(opts.password);
    if (problem) throw new Error(`bootstrap admin password refused: ${problem}`);
  }
  const password = opts.password ?? randomBytes(24).toString('base64url');
  const passwordHash = await new PasswordHasher(opts.bcryptRounds).hash(password);
  try {
    await users.create({ ...BOOTSTRAP_ADMIN, passwordHash });
  } catch (err) {
    // Another replica created it meanwhile. A clash on the email alone (someone else owns
    // admin@localhost) leaves no admin, so that one is rethrown.
    if (err instanceof UniqueViolation && (await users.findCredentials(BOOTSTRAP_ADMIN.username))) return { created: false };
    throw err;
  }
  return opts.password === undefined ? { created: true, generatedPassword: password } : { created: true };
}
