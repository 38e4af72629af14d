/**
 * Migration 003 on a county database that has run the protocol for a while (001 and 002
 * applied, a station enrolled and a list stored), on PGlite and PostgreSQL: the station,
 * its token and its list survive, the station has no last contact yet, and the console
 * starts empty, asking for its first admin.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { migrate, migrationFiles } from '../src/db/migrate.js';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import { setupNeeded } from '../src/store/consoleSetup.js';
import { enrollStation, findStationByToken, stationOverview } from '../src/store/stations.js';
import { listItem, listPayload } from './support/fixtures.js';

/** Applies only the migrations before `version`, as an older endpoint would have. */
async function migrateBefore(db: Database, version: number): Promise<void> {
  await db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const m of migrationFiles().filter((f) => f.version < version)) {
    await db.transaction(async (tx) => {
      for (const statement of m.sql.split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
  }
}

const opened: { db: Database; cleanup: () => Promise<void> }[] = [];

async function rawDatabase(kind: 'pglite' | 'postgres'): Promise<Database> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'county-mig-'));
    const db = await openPglite(dir);
    opened.push({ db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) });
    return db;
  }
  const url = inject('pgUrl');
  if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL server not started');
  const name = `county_mig_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const db = await openPostgres(url.replace(/\/postgres$/, `/${name}`));
  opened.push({
    db,
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  });
  return db;
}

afterAll(async () => {
  for (const o of opened) {
    await o.db.close();
    await o.cleanup();
  }
});

describe.each(['pglite', 'postgres'] as const)('migration 003 on %s', (kind) => {
  it('keeps stations, tokens and lists, and starts the console empty', async () => {
    const db = await rawDatabase(kind);
    await migrateBefore(db, 3);
    const { token } = await enrollStation(db, 'st-yzw-001', '银湾科创产业园人大代表联络站');
    // A list as a push stored it then (today's push writes columns later migrations add).
    const payload = listPayload(['issue-mig-0001', 'issue-mig-0002']);
    await db.query(
      `INSERT INTO items (id, station_id, kind, content_hash, county_ref, received_at) VALUES ('list-mig-1', 'st-yzw-001', 'issueList', $1, 'JH-2026-000001', '2026-03-02T01:00:00Z')`,
      [listItem(payload).contentHash],
    );
    await db.query(
      `INSERT INTO lists (id, station_id, list_year, list_seq, station_name, sealed_at, amends_list_id, payload) VALUES ('list-mig-1', 'st-yzw-001', 2026, 7, $1, $2, NULL, $3::jsonb)`,
      [payload.stationName, payload.sealedAt, JSON.stringify(payload)],
    );
    for (const issue of payload.issues) {
      await db.query(
        `INSERT INTO issues (id, list_id, station_id, seq, category, summary, handling, suggested_department, amends_issue_id, updated_at)
         VALUES ($1, 'list-mig-1', 'st-yzw-001', $2, $3, $4, $5, $6, NULL, '2026-03-02T01:00:00Z')`,
        [issue.id, issue.seq, issue.category, issue.summary, issue.handling, issue.suggestedDepartment],
      );
    }

    const applied = await migrate(db);
    expect(applied[0]).toBe('003_console_accounts.sql');

    expect(await findStationByToken(db, token)).toEqual({ id: 'st-yzw-001', name: '银湾科创产业园人大代表联络站' });
    const [station] = await stationOverview(db);
    expect(station).toMatchObject({ id: 'st-yzw-001', lastContactAt: null, listsReceived: 1, pendingIssues: 2 });
    expect(await setupNeeded(db)).toBe(true);
    for (const table of ['departments', 'console_users', 'console_sessions', 'console_login_failures', 'console_setup_codes', 'console_audit']) {
      expect((await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0], table).toEqual({ n: 0 });
    }
    // A second run applies nothing.
    expect(await migrate(db)).toEqual([]);
  });
});
