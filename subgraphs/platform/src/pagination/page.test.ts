import { decodeCursor, encodeCursor, pageRequest, toConnection } from './page';
import { InputError } from '../errors/domain-errors';

const row = (i: number) => ({ id: `id-${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const key = row(3);
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it.each([[-1], [501], [1.5]])('refuses first=%p', (first) => {
    expect(() => pageRequest({ first })).toThrow(InputError);
  });

  it('defaults to 50 rows and refuses a cursor it did not issue', () => {
    expect(pageRequest({}).size).toBe(50);
    expect(() => pageRequest({ after: 'not-a-cursor' })).toThrow(/Invalid cursor/);
  });

  it('reports a next page only when the extra row came back', () => {
    const req = pageRequest({ first: 2 });
    const more = toConnection([row(1), row(2), row(3)], req, 3, (r) => r.id);
    expect(more.edges.map((e) => e.node)).toEqual(['id-1', 'id-2']);
    expect(more.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(row(2)) });
    const last = toConnection([row(1)], req, 1, (r) => r.id);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});
