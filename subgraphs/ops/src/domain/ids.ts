const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUID columns: anything else is checked here so Prisma never sees a malformed one. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
