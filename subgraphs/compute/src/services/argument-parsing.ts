import { z } from 'zod';
import type { Connection } from '../../../platform/src';
import { isUuid } from '../domain/uuid';

/** A PostgreSQL uuid (see domain/uuid.ts for why not z.uuid(), which wants RFC versions). */
export const uuidString = z.string().refine(isUuid, 'must be a UUID');

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}
