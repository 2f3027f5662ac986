import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../database/database';
import { applyMigrations, loadMigrations, MIGRATIONS_DIR } from '../database/migrations';

const TEMPLATE = path.join(os.tmpdir(), `lq-pglite-template-${process.getuid?.() ?? 0}`);

/**
 * A migrated database for one test file. With TEST_DATABASE_URL (CI) a fresh PostgreSQL
 * database is created per call; otherwise a PGlite folder copied from a template that is
 * migrated once (initdb costs seconds, a copy milliseconds).
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { cleanup(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `lq_test_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await admin.sql.exec(`CREATE DATABASE ${name}`);
    await admin.close();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 10 });
    await applyMigrations(db.sql, loadMigrations(MIGRATIONS_DIR));
    return {
      ...db,
      cleanup: async () => {
        await db.close();
        const a = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
        await a.sql.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
        await a.close();
      },
    };
  }
  const migrations = loadMigrations(MIGRATIONS_DIR);
  const stamp = path.join(TEMPLATE, migrations.map((m) => m.checksum.slice(0, 8)).join('-'));
  if (!existsSync(stamp)) {
    // Build the template in a private folder and move it into place, so parallel jest
    // workers never see a half-built template.
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
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lq-pglite-test-'));
  cpSync(stamp, dir, { recursive: true });
  const db = await openDatabase({ kind: 'pglite', dataDir: dir });
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
