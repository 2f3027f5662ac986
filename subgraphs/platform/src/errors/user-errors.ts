import {
  ConflictError,
  DomainError,
  InputError,
  InvalidStateError,
  NoCapacityError,
  NotFoundError,
  QuotaExceededError,
} from './domain-errors';
import { UserErrorCode } from './error-codes';
import type { UserError } from '../schema/shared.types';

/** The user error for a caller-fixable domain error; null for anything else. */
export function toUserError(err: unknown): UserError | null {
  if (!(err instanceof DomainError)) return null;
  const code =
    err instanceof InputError ? UserErrorCode.INVALID
    : err instanceof NotFoundError ? UserErrorCode.NOT_FOUND
    : err instanceof ConflictError ? UserErrorCode.CONFLICT
    : err instanceof InvalidStateError ? UserErrorCode.INVALID_STATE
    : err instanceof NoCapacityError ? UserErrorCode.NO_CAPACITY
    : err instanceof QuotaExceededError ? UserErrorCode.QUOTA_EXCEEDED
    : null;
  return code ? { field: err.field ?? null, code, message: err.message } : null;
}

/** Several problems found at once (validation reports every bad field, not the first). */
export class UserErrorList extends InputError {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

export type Payload<P> = Partial<P> & { userErrors: UserError[] };

/**
 * Runs a mutation's service call and shapes the payload: caller-fixable domain errors become
 * `userErrors`; authentication, authorization and internal failures propagate as GraphQL
 * errors.
 */
export async function runMutation<P extends object>(run: () => Promise<P>): Promise<Payload<P>> {
  try {
    return { ...(await run()), userErrors: [] };
  } catch (err) {
    if (err instanceof UserErrorList) return { userErrors: err.errors } as Payload<P>;
    const userError = toUserError(err);
    if (userError) return { userErrors: [userError] } as Payload<P>;
    throw err;
  }
}
