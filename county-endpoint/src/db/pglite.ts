/** Embedded PGlite in a data folder: the default when no DATABASE_URL is configured. */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockDataFolder } from './dataLock.js';
import type { Database, Queryable, QueryResult } from './database.js';

function wrap(q: Pick<PGlite, 'query'>): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const r = await q.query<Row>(sql, params);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataFolder(dataDir);
  let pg: PGlite;
  try {
    pg = await PGlite.create(dataDir);
  } catch (err) {
    unlock();
    throw err;
  }
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: (sql, params) => base.query(sql, params),
    async exec(sql) {
      await pg.exec(sql);
    },
    // PGlite has a single connection; its transaction() queues other queries behind it.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}
