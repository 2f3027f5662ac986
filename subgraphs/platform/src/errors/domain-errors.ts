/**
 * Domain errors, after Backstage's `@backstage/errors`: one base class that keeps `cause`,
 * one-line subclasses. Services throw them; two edges translate them:
 * - `runMutation` (errors/user-errors.ts) turns the caller-fixable ones into `userErrors`;
 * - `formatError` (errors/format-error.ts) turns the rest into coded GraphQL errors.
 */
export abstract class DomainError extends Error {
  /** Path of the input field at fault, e.g. ['input', 'spec', 'memoryMib']. */
  readonly field?: string[];

  constructor(message: string, options?: { field?: string[]; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.field = options?.field;
  }
}

/** Input that fails validation. Thrown by services; caught by runMutation (code INVALID). */
export class InputError extends DomainError {}

/** A referenced object does not exist. In mutations a user error; in queries NOT_FOUND. */
export class NotFoundError extends DomainError {}

/** The request clashes with existing state (duplicate name, reused idempotency key). */
export class ConflictError extends DomainError {}

/** The operation is not valid in the object's current state (e.g. start a RUNNING VM). */
export class InvalidStateError extends DomainError {}

/** The scheduler found no host with room; the message says why per host. */
export class NoCapacityError extends DomainError {}

/** The project's quota would be exceeded. */
export class QuotaExceededError extends DomainError {}

/** No valid identity. Never a user error: becomes the UNAUTHENTICATED GraphQL error. */
export class UnauthenticatedError extends DomainError {}

/** The viewer's role does not allow the action. Becomes the FORBIDDEN GraphQL error. */
export class ForbiddenError extends DomainError {}

/** Ends exhaustive switches: the compiler proves it unreachable, the runtime reports it. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
