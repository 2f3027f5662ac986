import { z } from 'zod';
import { UserErrorCode, UserErrorList, type Connection } from '../../../platform/src';
import { isUuid } from '../domain/uuid';

/** A PostgreSQL uuid (see domain/uuid.ts for why not z.uuid(), which wants RFC versions). */
export const uuidString = z.string().refine(isUuid, 'must be a UUID');

/**
 * Parses query arguments with a zod schema, reporting every bad field at once with its
 * path under `at` (e.g. ['filter', 'projectId']). In a query the list becomes one
 * BAD_USER_INPUT error; in a mutation, runMutation turns it into userErrors.
 */
export function parseArgs<S extends z.ZodType>(schema: S, value: unknown, at: string[]): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserErrorList(
    result.error.issues.map((issue) => {
      const field = [...at, ...issue.path.map(String)];
      return { field, code: UserErrorCode.INVALID, message: `${field.join('.')}: ${issue.message}` };
    }),
  );
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}
