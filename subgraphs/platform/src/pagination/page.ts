import { InputError } from '../errors/domain-errors';
import type { Connection } from '../schema/connection.types';

/** Page size when `first` is absent, and the most a caller may ask for (the contract's). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Position of a row in a (createdAt, id) ordering. */
export interface CursorKey {
  createdAt: Date;
  id: string;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageRequest {
  /** Rows to return. The data layer fetches one more to learn whether a next page exists. */
  size: number;
  after: CursorKey | null;
}

/**
 * Cursors are opaque: base64url of the sort key and id, never an offset, so a page stays
 * correct while rows are added before it.
 */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt.toISOString(), key.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): CursorKey {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const createdAt = new Date(String(at));
    // Every id is a UUID: checking it here keeps a forged cursor from reaching SQL.
    if (typeof id !== 'string' || !UUID.test(id) || Number.isNaN(createdAt.getTime())) throw new Error('shape');
    return { createdAt, id };
  } catch {
    throw new InputError('Invalid cursor: pass an endCursor from a previous page', { field: ['after'] });
  }
}

/** Validates first/after: a page size of 0..500 (default 50) and a cursor we issued. */
export function pageRequest(args: PageArgs): PageRequest {
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new InputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, { field: ['first'] });
  }
  return { size, after: args.after ? decodeCursor(args.after) : null };
}

/**
 * Keyset condition for rows after the cursor in (createdAt, id) order; the plain object is
 * a Prisma `where` fragment for any model with those two columns.
 */
export function afterCursorWhere(after: CursorKey | null, order: 'asc' | 'desc' = 'asc') {
  if (!after) return {};
  const cmp = order === 'asc' ? 'gt' : 'lt';
  return {
    OR: [{ createdAt: { [cmp]: after.createdAt } }, { createdAt: after.createdAt, id: { [cmp]: after.id } }],
  };
}

export function cursorOrderBy(order: 'asc' | 'desc' = 'asc') {
  return [{ createdAt: order }, { id: order }];
}

/** Builds the connection from rows fetched with `take: size + 1`. */
export function toConnection<Row extends CursorKey, Node>(
  rows: Row[],
  req: PageRequest,
  totalCount: number,
  toNode: (row: Row) => Node,
): Connection<Node> {
  const page = rows.slice(0, req.size);
  const edges = page.map((row) => ({ cursor: encodeCursor(row), node: toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > req.size, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
