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
 * A migration's statements, one by one (PGlite runs one statement per query with
 * parameters' protocol): split on ';' at line ends, except inside a dollar-quoted body
 * ($$ … $$ or $tag$ … $tag$), where a trigger function's own statements end.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quote: string | null = null;
  for (const m of sql.matchAll(/\$[A-Za-z_]*\$|;[ \t]*(?=\r?\n|$)/g)) {
    if (m[0].startsWith('$')) {
      if (quote === null) quote = m[0];
      else if (quote === m[0]) quote = null;
    } else if (quote === null) {
      out.push(sql.slice(start, m.index));
      start = m.index + m[0].length;
    }
  }
  out.push(sql.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
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
      for (const statement of splitStatements(m.sql)) {
        await tx.query(statement);
      }
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}
