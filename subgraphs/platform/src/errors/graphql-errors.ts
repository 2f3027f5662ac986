import { GraphQLError } from 'graphql';
import {
  DomainError,
  ForbiddenError,
  InputError,
  NotFoundError,
  UnauthenticatedError,
} from './domain-errors';
import { ErrorCode } from './error-codes';

/** Maps a domain error to the coded GraphQL error clients see; null when not one we expose. */
export function toGraphQLError(err: unknown): GraphQLError | null {
  if (err instanceof GraphQLError) return err;
  if (!(err instanceof DomainError)) return null;
  const code =
    err instanceof UnauthenticatedError ? ErrorCode.UNAUTHENTICATED
    : err instanceof ForbiddenError ? ErrorCode.FORBIDDEN
    : err instanceof NotFoundError ? ErrorCode.NOT_FOUND
    : err instanceof InputError ? ErrorCode.BAD_USER_INPUT
    // Conflicts, invalid states and capacity outside a mutation payload are still the
    // caller's to fix, so they are input errors too.
    : ErrorCode.BAD_USER_INPUT;
  return new GraphQLError(err.message, { extensions: { code, ...(err.field ? { field: err.field } : {}) } });
}
