import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './error-codes';
import { toGraphQLError } from './graphql-errors';

const EXPOSED = new Set<string>(Object.values(ErrorCode));
/** Apollo's own codes for malformed operations are the caller's fault and safe to show. */
const APOLLO_CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Apollo Server `formatError`: domain errors become coded errors; anything unknown is masked
 * for the client and logged in full, so internals (SQL, stack traces) never leak.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e),
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const mapped = toGraphQLError(original);
  if (mapped) {
    return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && (EXPOSED.has(code) || APOLLO_CLIENT_CODES.has(code)) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log('internal error', original);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
