/** Opens the configured database and brings its schema up to date. */
import type { Database } from './database.js';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface StorageConfig {
  databaseUrl: string | null;
  dataDir: string;
}

export async function openDatabase(cfg: StorageConfig): Promise<Database> {
  const db = cfg.databaseUrl ? await openPostgres(cfg.databaseUrl) : await openPglite(cfg.dataDir);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
