/**
 * A unique constraint refused a write. Thrown by the storages in place of the driver's error
 * so services can turn it into a CONFLICT on the right input field; carries the column.
 */
export class UniqueViolation extends Error {
  constructor(readonly column: string, options?: { cause?: unknown }) {
    super(`unique constraint on ${column}`, options);
  }
}

/**
 * Whether a write failed on a unique constraint. The driver adapters report it differently:
 * over pg as Prisma's P2002, over PGlite as a DriverAdapterError whose cause is PostgreSQL's
 * 23505 (or the adapter's UniqueConstraintViolation kind).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; cause?: { code?: unknown; kind?: unknown } };
  return e.code === 'P2002' || e.cause?.code === '23505' || e.cause?.kind === 'UniqueConstraintViolation';
}

/**
 * The column of `columns` (database names, snake_case) a unique violation is about, or null
 * when `err` is something else. Over pg the P2002 names the fields in meta, as column or field
 * names; over PGlite the raw PostgreSQL 23505 error names the constraint (`hosts_hostname_key`).
 */
export function uniqueViolationColumn(err: unknown, columns: readonly string[]): string | null {
  if (!isUniqueViolation(err)) return null;
  const e = err as { meta?: unknown; cause?: unknown; message?: unknown };
  const text = `${String(e.message)} ${JSON.stringify(e.meta ?? null)} ${JSON.stringify(e.cause ?? null)}`;
  // Longest first, so that a column is not mistaken for one whose name it contains (`username` for `name`).
  const byLength = [...columns].sort((a, b) => b.length - a.length);
  return byLength.find((c) => new RegExp(`\\b${c}\\b|_${c}_key|\\b${camelCase(c)}\\b`).test(text)) ?? null;
}

/** Runs a write, rethrowing a unique violation on one of `columns` as UniqueViolation. */
export async function guardUnique<T>(columns: readonly string[], write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const column = uniqueViolationColumn(err, columns);
    if (column) throw new UniqueViolation(column, { cause: err });
    throw err;
  }
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}
