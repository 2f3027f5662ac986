const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether an id can name a row. Every id column is a PostgreSQL uuid, which refuses other
 * text with an error, so callers check first and treat a malformed id as "no such object".
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
