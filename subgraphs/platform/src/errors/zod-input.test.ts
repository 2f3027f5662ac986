import { z } from 'zod';
import { UserErrorList } from './user-errors';
import { parseInput } from './zod-input';

const schema = z.object({ name: z.string().min(1, 'must not be empty'), labels: z.array(z.object({ key: z.string().max(3, 'too long') })) });

/** The user errors parseInput throws for `value`, or [] when it parses. */
function userErrors(value: unknown, options?: Parameters<typeof parseInput>[2]) {
  try {
    parseInput(schema, value, options);
    return [];
  } catch (err) {
    if (!(err instanceof UserErrorList)) throw err;
    return err.errors;
  }
}

describe('parseInput', () => {
  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { name: 'a', labels: [{ key: 'k' }] })).toEqual({ name: 'a', labels: [{ key: 'k' }] });
  });

  it('reports every bad field at once, as INVALID user errors under input', () => {
    expect(userErrors({ name: '', labels: [{ key: 'k' }, { key: 'long' }] })).toEqual([
      { field: ['input', 'name'], code: 'INVALID', message: 'must not be empty' },
      { field: ['input', 'labels', '1', 'key'], code: 'INVALID', message: 'too long' },
    ]);
  });

  it('puts the fields under the argument it is told and, when asked, names them in the message', () => {
    expect(userErrors({ name: '', labels: [] }, { at: ['filter'], fieldInMessage: true })).toEqual([
      { field: ['filter', 'name'], code: 'INVALID', message: 'filter.name: must not be empty' },
    ]);
  });
});
