import { z } from 'zod';
import { passwordProblem, usernameProblem } from '../domain/credentials-policy';

/** A string checked by a domain rule that returns its problem in words, or null. */
function ruled(problem: (value: string) => string | null) {
  return z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: 'custom', message });
  });
}

export const usernameSchema = ruled(usernameProblem);
export const passwordSchema = ruled(passwordProblem);
// Addresses are compared case-insensitively in practice; storing them lowercased keeps the
// unique index meaningful.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'email must be a valid email address' }).max(254, { message: 'email must be at most 254 characters' }));
export const roleSchema = z.enum(['ADMIN', 'OPERATOR', 'VIEWER']);
