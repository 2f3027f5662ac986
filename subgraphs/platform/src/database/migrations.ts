import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface SqlSession {
  exec(text: string): Promise<void>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
}
export interface SqlRunner extends SqlSession {
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The checked-in migrations, oldest first (folder names start with a timestamp). */
export function loadMigrations(dir: string): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations folder not found: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// Any fixed number: every replica takes the same advisory lock so only one migrates at once.
const MIGRATION_LOCK_KEY = 724_310_001;

/**
 * Applies the pending migrations in one transaction under an advisory lock, so replicas
 * starting together neither race nor half-apply. A migration whose file changed after it was
 * applied stops start-up: the database and the code no longer agree.
 */
export async function applyMigrations(sql: SqlRunner, migrations: Migration[]): Promise<string[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS _lq_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const rows = await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM _lq_migrations');
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) throw new Error(`migration ${m.name} was changed after it was applied`);
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO _lq_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
      done.push(m.name);
    }
    return done;
  });
}

/** Names of checked-in migrations not yet applied (readiness reports them). */
export async function pendingMigrations(sql: SqlRunner, migrations: Migration[]): Promise<string[]> {
  const exists = await sql.query<{ t: string | null }>("SELECT to_regclass('_lq_migrations')::text AS t");
  if (!exists[0]?.t) return migrations.map((m) => m.name);
  const rows = await sql.query<{ name: string }>('SELECT name FROM _lq_migrations');
  const applied = new Set(rows.map((r) => r.name));
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../../prisma/migrations');
