import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../../prisma/generated/client';
import type { SqlRunner } from './migrations';

export type Database = PrismaClient;

/** Where the data lives: a PostgreSQL server, or PGlite (PostgreSQL in WASM) in a folder. */
export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };

export interface DatabaseHandle {
  prisma: Database;
  /** Raw SQL for migrations and readiness checks (multi-statement capable). */
  sql: SqlRunner;
  close(): Promise<void>;
}

/**
 * Opens the database. The embedded and production modes differ only here: the same Prisma
 * client runs over either driver adapter.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'pglite') {
    const dir = path.resolve(target.dataDir, 'pgdata');
    mkdirSync(dir, { recursive: true });
    const lite = await PGlite.create(dir);
    // The 6.19 client's adapter type lags the adapter package's by a minor version; the
    // runtime contract is the same (see ../shared/notes/stack.md).
    const adapter = new PrismaPGlite(lite) as unknown as ConstructorParameters<typeof PrismaClient>[0] extends { adapter?: infer A } ? A : never;
    const prisma = new PrismaClient({ adapter });
    return {
      prisma,
      sql: {
        exec: async (text) => {
          await lite.exec(text);
        },
        query: async <R>(text: string, params: unknown[] = []) => (await lite.query<R>(text, params)).rows,
        transaction: (fn) => lite.transaction((tx) => fn({
          exec: async (text) => { await tx.exec(text); },
          query: async <R>(text: string, params: unknown[] = []) => (await tx.query<R>(text, params)).rows,
        })),
      },
      close: async () => {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize });
  // An idle client whose connection drops (server restart, a forced DROP DATABASE) emits
  // 'error' on the pool; unhandled, that would crash the process. The pool replaces it.
  pool.on('error', (err) => console.warn(`[database] idle connection lost: ${err.message}`));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    sql: {
      exec: async (text) => {
        await pool.query(text);
      },
      query: async <R>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as R[],
      transaction: async (fn) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn({
            exec: async (text) => { await client.query(text); },
            query: async <R>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as R[],
          });
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      },
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
