/** Opens the configured database and brings its schema up to date. */
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { DEFAULT_POOL_SIZES, openPostgres, type PoolSizes } from './postgres.js';

export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL only: connections per pool (COUNTY_PG_POOL, COUNTY_PG_STATEMENT_POOL). */
  pool?: PoolSizes;
}

export async function openDatabase(cfg: StorageConfig): Promise<Database> {
  const db = cfg.databaseUrl ? await openPostgres(cfg.databaseUrl, cfg.pool ?? DEFAULT_POOL_SIZES) : await openPglite(cfg.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
