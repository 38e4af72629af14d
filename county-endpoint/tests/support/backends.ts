/**
 * The storage backends every storage suite runs against: embedded PGlite in a temp folder,
 * and a fresh database on the real PostgreSQL server started by the global setup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openDatabase } from '../../src/db/open.js';

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<{ db: Database; cleanup: () => Promise<void> }>;
}

let counter = 0;

export const backends: Backend[] = [
  {
    name: 'pglite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'county-pglite-'));
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      return { db, cleanup: async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); } };
    },
  },
  {
    name: 'postgres',
    async open() {
      const url = inject('pgUrl');
      if (!url) throw new Error(inject('pgError') ?? 'PostgreSQL server not started');
      const name = `county_test_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const db = await openDatabase({ databaseUrl: url.replace(/\/postgres$/, `/${name}`), dataDir: '' });
      return {
        db,
        cleanup: async () => {
          await db.close();
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name}`);
          await c.end();
        },
      };
    },
  },
];
