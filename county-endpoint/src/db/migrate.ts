/**
 * Numbered SQL migrations (migrations/NNN_name.sql), applied in order, each in its own
 * transaction and recorded in schema_migrations. Applied files are never edited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

/**
 * Several endpoint processes may start at once on one PostgreSQL database: each step runs
 * under one transaction-scoped advisory lock and re-reads what is applied, so exactly one
 * process applies each migration and the others wait and skip it.
 */
const MIGRATION_LOCK = 'SELECT pg_advisory_xact_lock(720301)';

/** Applies what is missing; returns the names applied now. */
export async function migrate(db: Database): Promise<string[]> {
  await db.transaction(async (tx) => {
    await tx.query(MIGRATION_LOCK);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  });
  const applied: string[] = [];
  for (const m of migrationFiles()) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(MIGRATION_LOCK);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.rows.length > 0) return false;
      // Split on ';' at line ends: migrations hold plain DDL, no functions with bodies.
      for (const statement of m.sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}
