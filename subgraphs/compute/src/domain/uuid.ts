// Ids are PostgreSQL uuids. Any 8-4-4-4-12 hex string is accepted (not only RFC 4122
// versions), because that is what the uuid column accepts; anything else would make
// Prisma throw, so callers check first and treat a malformed id as "no such object".
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
