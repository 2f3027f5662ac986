import type { z } from 'zod';
import { UserErrorCode, UserErrorList } from '../../../platform/src';

/**
 * Parses a mutation's input with its zod schema; every problem becomes a user error (code
 * INVALID) whose field is the path from the argument down, e.g. ['input', 'labels', '0', 'key'].
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, path: string[] = ['input']): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserErrorList(
    result.error.issues.map((issue) => ({
      field: [...path, ...issue.path.map(String)],
      code: UserErrorCode.INVALID,
      message: issue.message,
    })),
  );
}
