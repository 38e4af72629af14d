/**
 * Generated input at the console's trust boundary (fast-check), on PGlite and PostgreSQL:
 * login bodies, first-admin setup bodies and the admin's new-user form. Whatever arrives,
 * the answer is a refusal with a Chinese message or a stored account exactly as the rules
 * say (name trimmed and lower-cased, display name trimmed), never a 500, never a session
 * for a wrong password, never an invisible control character stored.
 */
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnsafeText } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { USERNAME } from '../src/store/consoleInput.js';
import { createSession } from '../src/store/consoleSessions.js';
import { createUser } from '../src/store/consoleUsers.js';
import { createDepartment } from '../src/store/departments.js';
import { backends } from './support/backends.js';
import { appWithStations, type TestApp } from './support/fixtures.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const CHINESE = /[\u4e00-\u9fff]/;

/** Text a hostile or careless client might send: any code unit, markup, very long, or not text at all. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', 'admin', 'ADMIN ', '<script>alert(1)</script>', "' OR 1=1 --", '\u0000admin', 'a\u202Eb', '\uD800', '管理员'),
  fc.string({ minLength: 200, maxLength: 5000 }),
);
const anyValue = fc.oneof(anyText, fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

describe.each(backends)('console input at the trust boundary on $name', (backend) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let app: FastifyInstance;
  let admin: { cookie: string; csrf: string };
  let departmentId: string;

  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    t = await appWithStations(db);
    app = t.app;
    departmentId = (await createDepartment(db, '县住建局', t.clock.now)).id;
    const u = await createUser(db, { username: 'admin', displayName: '管理员', role: 'admin', password: 'Guanli-2026-mima', mustChangePassword: false }, t.clock.now);
    const s = await createSession(db, u.id, t.clock.now, { idleMs: 3_600_000, maxMs: 3_600_000 });
    admin = { cookie: `county_console=${s.id}`, csrf: s.csrfToken };
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  function post(url: string, body: unknown, who: { cookie: string; csrf: string } | null = null) {
    return app.inject({
      method: 'POST',
      url: `/console/api${url}`,
      headers: { 'content-type': 'application/json', ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}) },
      payload: JSON.stringify(body),
    });
  }

  function expectRefusal(res: LightMyRequestResponse, allowed: number[]) {
    expect(allowed, `status ${res.statusCode}`).toContain(res.statusCode);
    const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
    expect(typeof body.error?.code).toBe('string');
    expect(String(body.error?.message)).toMatch(CHINESE);
    expect([res.headers['set-cookie'] ?? []].flat().join(';')).not.toContain('county_console=');
  }

  it('refuses any login body that is not the right name and password, without a 500 or a cookie', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.record({ username: anyValue, password: anyValue }, { requiredKeys: [] }), anyValue), async (body) => {
        const res = await post('/login', body);
        expectRefusal(res, [400, 401, 429]);
      }),
      { numRuns: RUNS },
    );
    // The real admin is still there and can sign in (the address lock aside, which the
    // generated failures may have reached: then 429 is the right answer).
    const ok = await post('/login', { username: ' Admin ', password: 'Guanli-2026-mima' });
    expect([200, 429]).toContain(ok.statusCode);
  });

  it('refuses any setup body once an admin exists, and never creates a second admin', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ code: anyValue, username: anyValue, displayName: anyValue }, { requiredKeys: [] }), async (body) => {
        expectRefusal(await post('/setup', body), [401, 409, 429]);
      }),
      { numRuns: RUNS },
    );
    const admins = await db.query("SELECT 1 FROM console_users WHERE role = 'admin'");
    expect(admins.rows).toHaveLength(1);
  });

  it('stores a new user exactly as the rules say, or refuses with a Chinese message', async () => {
    const seen = new Set<string>(['admin']);
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Weighted towards plausible input, so both acceptance and refusal are exercised.
          username: fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: fc.stringMatching(/^ ?[A-Za-z0-9][A-Za-z0-9._-]{1,33} ?$/), weight: 3 }),
          displayName: fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 45 }), weight: 3 }),
          role: fc.oneof({ arbitrary: fc.constantFrom('admin', 'clerk', 'department'), weight: 4 }, { arbitrary: anyValue, weight: 1 }),
          departmentId: fc.oneof({ arbitrary: fc.constant(departmentId), weight: 3 }, { arbitrary: anyValue, weight: 1 }),
          password: fc.oneof({ arbitrary: anyText, weight: 1 }, { arbitrary: fc.string({ minLength: 10, maxLength: 40 }), weight: 3 }),
        }),
        async (input) => {
          const res = await post('/users', input, admin);
          if (res.statusCode !== 200) {
            expectRefusal(res, [400, 409]);
            refused++;
            return;
          }
          accepted++;
          const user = (res.json<{ user: { id: string; username: string; displayName: string; role: string; departmentId: string | null } }>()).user;
          // Accepted: the name is the lower-cased, trimmed input and fits the rule; nobody had it.
          expect(typeof input.username).toBe('string');
          expect(user.username).toBe((input.username).trim().toLowerCase());
          expect(user.username).toMatch(USERNAME);
          expect(seen.has(user.username)).toBe(false);
          seen.add(user.username);
          expect(user.displayName).toBe((input.displayName).trim().replace(/\s+/g, ' '));
          expect(findUnsafeText(user.displayName)).toBeNull();
          expect(user.role).toBe(input.role);
          expect(user.departmentId).toBe(input.role === 'department' ? departmentId : null);
          // The password given is the one that opens the account, and the first login must change it.
          const row = await db.query<{ must_change_password: boolean; password_hash: string }>('SELECT must_change_password, password_hash FROM console_users WHERE id = $1', [user.id]);
          expect(row.rows[0]?.must_change_password).toBe(true);
          expect(row.rows[0]?.password_hash).toMatch(/^\$argon2id\$/);
          expect(row.rows[0]?.password_hash).not.toContain(input.password);
        },
      ),
      { numRuns: RUNS },
    );
    expect(accepted, 'some generated users were accepted').toBeGreaterThan(0);
    expect(refused, 'some generated users were refused').toBeGreaterThan(0);
  });
});
