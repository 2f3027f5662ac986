// Every id in this subgraph is a PostgreSQL uuid. Checking the shape first lets a lookup
// with a malformed id answer "not found" instead of letting the database reject the cast.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(id: string): boolean {
  return UUID.test(id);
}
