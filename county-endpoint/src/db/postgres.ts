/**
 * A PostgreSQL server through DATABASE_URL, with two small connection pools: one for
 * transactions (a station's push, a clerk's action) and one for single statements (the
 * console's reads). Fifty stations pushing at once hold every transaction connection for
 * a while; the board and the other pages still get a connection of their own at once.
 */
import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.js';

function wrap(q: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
      const r = await q.query(sql, params);
      return { rows: r.rows as Row[], rowCount: r.rowCount ?? r.rows.length };
    },
  };
}

export interface PoolSizes {
  /** Connections for transactions. */
  transactions: number;
  /** Connections for single statements. */
  statements: number;
}

export const DEFAULT_POOL_SIZES: PoolSizes = { transactions: 10, statements: 5 };

export async function openPostgres(connectionString: string, sizes: PoolSizes = DEFAULT_POOL_SIZES): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: sizes.transactions });
  const statements = new pg.Pool({ connectionString, max: sizes.statements });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  statements.on('error', () => undefined);
  await Promise.all([pool.query('SELECT 1'), statements.query('SELECT 1')]);
  const base = wrap(statements);
  return {
    kind: 'postgres',
    query: (sql, params) => base.query(sql, params),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await Promise.all([pool.end(), statements.end()]);
    },
  };
}
