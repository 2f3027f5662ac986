import type { z } from 'zod';
import { UserErrorCode } from './error-codes';
import { UserErrorList } from './user-errors';

export interface ParseInputOptions {
  /** Path of the argument the value was passed as; each error's field starts with it. Default `['input']`. */
  at?: string[];
  /**
   * Start each message with the field's dotted path (`input.spec.vcpus: ...`). Default false.
   * For arguments that may be parsed in a query: there the list becomes one BAD_USER_INPUT
   * error, which carries no field, so only the message can say which one is at fault.
   */
  fieldInMessage?: boolean;
}

/**
 * Parses an argument with its zod schema, reporting every problem at once: each becomes a
 * user error (code INVALID) whose field is the path from the argument down, e.g.
 * ['input', 'labels', '0', 'key']. In a mutation runMutation turns the list into userErrors.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: ParseInputOptions = {}): z.output<S> {
  const { at = ['input'], fieldInMessage = false } = options;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserErrorList(
    result.error.issues.map((issue) => {
      const field = [...at, ...issue.path.map(String)];
      return { field, code: UserErrorCode.INVALID, message: fieldInMessage ? `${field.join('.')}: ${issue.message}` : issue.message };
    }),
  );
}
