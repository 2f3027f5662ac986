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

/** Thrown by VmCreationUnit.insertVm when the project already has a VM of that name. */
export class VmNameTaken extends Error {
  constructor(readonly vmName: string, options?: { cause?: unknown }) {
    super(`a VM named ${vmName} already exists in the project`, options);
  }
}
