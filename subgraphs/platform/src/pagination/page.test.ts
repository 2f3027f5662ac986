import { decodeCursor, encodeCursor, pageRequest, toConnection } from './page';
import { InputError } from '../errors/domain-errors';

const row = (i: number) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });

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
    // A well-formed cursor with a forged id must not reach SQL as a bad uuid.
    const forged = Buffer.from(JSON.stringify([new Date().toISOString(), "x' OR 1=1"])).toString('base64url');
    expect(() => pageRequest({ after: forged })).toThrow(/Invalid cursor/);
  });

  it('reports a next page only when the extra row came back', () => {
    const req = pageRequest({ first: 2 });
    const more = toConnection([row(1), row(2), row(3)], req, 3, (r) => r.id);
    expect(more.edges.map((e) => e.node)).toEqual([row(1).id, row(2).id]);
    expect(more.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(row(2)) });
    const last = toConnection([row(1)], req, 1, (r) => r.id);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });
});
