import { InputError, pageRequest, type Connection, type PageArgs, type PageRequest } from '../../../platform/src';
import { isUuid } from '../domain/ids';

/**
 * The platform's pageRequest, plus a check that the cursor's id is a UUID: the platform's
 * decoder accepts any string there, and a forged cursor would otherwise reach PostgreSQL's
 * uuid comparison and fail as an internal error instead of a bad argument.
 */
export function uuidPageRequest(args: PageArgs): PageRequest {
  const req = pageRequest(args);
  if (req.after && !isUuid(req.after.id)) {
    throw new InputError('Invalid cursor: pass an endCursor from a previous page', { field: ['after'] });
  }
  return req;
}

export function emptyConnection<T>(): Connection<T> {
  return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
}
