import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

/** bcrypt cost used unless a test lowers it. */
export const DEFAULT_BCRYPT_ROUNDS = 10;

/**
 * bcrypt hashing. `burnVerification` costs the same time as a real check, so a login for an
 * unknown user takes as long as one with a wrong password.
 */
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;

  /** @param rounds bcrypt cost factor; default 10. */
  constructor(private readonly rounds: number = DEFAULT_BCRYPT_ROUNDS) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.rounds);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }

  async burnVerification(password: string): Promise<void> {
    // Hashed lazily with the same cost as real hashes, so the comparison takes as long.
    this.dummyHash ??= bcrypt.hash(randomBytes(16).toString('hex'), this.rounds);
    await bcrypt.compare(password, await this.dummyHash);
  }
}
