import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from '../database/database';
import { applyMigrations, loadMigrations, MIGRATIONS_DIR } from '../database/migrations';

const TEMPLATE = path.join(os.tmpdir(), `lq-pglite-template-${process.getuid?.() ?? 0}`);

export interface TestDatabaseTarget {
  target: DatabaseTarget;
  /** For PGlite: the LQ_DATA_DIR holding `pgdata/`. For PostgreSQL: the database URL. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function pgliteTemplate(): Promise<string> {
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const stamp = path.join(TEMPLATE, migrations.map((m) => m.checksum.slice(0, 8)).join('-'));
  if (!existsSync(stamp)) {
    // Build in a private folder and rename into place, so parallel jest workers never see a
    // half-built template.
    const building = mkdtempSync(path.join(os.tmpdir(), 'lq-pglite-build-'));
    const db = await openDatabase({ kind: 'pglite', dataDir: building });
    await applyMigrations(db.sql, migrations);
    await db.close();
    mkdirSync(TEMPLATE, { recursive: true });
    try {
      renameSync(building, stamp);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another worker won the race
    }
  }
  return stamp;
}

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL (CI) a new PostgreSQL
 * database is created; otherwise a PGlite folder is copied from a template migrated once
 * (initdb costs seconds, a copy milliseconds).
 */
export async function createTestDatabaseTarget(): Promise<TestDatabaseTarget> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `lq_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const dbUrl = u.toString();
    const migrating = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 1 });
    await applyMigrations(migrating.sql, loadMigrations(MIGRATIONS_DIR));
    await migrating.close();
    return {
      target: { kind: 'postgres', url: dbUrl, poolSize: 10 },
      env: { DATABASE_URL: dbUrl },
      cleanup: async () => {
        const a = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
        await a.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await a.close();
      },
    };
  }
  const template = await pgliteTemplate();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lq-pglite-test-'));
  cpSync(template, dir, { recursive: true });
  return {
    target: { kind: 'pglite', dataDir: dir },
    env: { LQ_DATA_DIR: dir },
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A migrated database handle for one test file; `cleanup()` closes and removes it. */
export async function openTestDatabase(): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const t = await createTestDatabaseTarget();
  const db = await openDatabase(t.target);
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      await t.cleanup();
    },
  };
}
