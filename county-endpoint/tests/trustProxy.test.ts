/**
 * Behind a reverse proxy (COUNTY_TRUST_PROXY): only the listed proxies' X-Forwarded-For is
 * believed, so the per-address login lockout and the audit name each office PC rather than
 * the proxy; without the setting the header is ignored, whoever sends it.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { readAudit } from '../src/store/consoleAudit.js';
import { createUser } from '../src/store/consoleUsers.js';
import { backends } from './support/backends.js';
import { appWithStations, type TestApp } from './support/fixtures.js';

const CONSOLE = { sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3_600_000, cookieSecure: false, maxLoginFailures: 2, lockoutMs: 15 * 60_000, staticDir: '/nonexistent' };

describe('COUNTY_TRUST_PROXY', () => {
  it('reads addresses and CIDR ranges, and refuses anything else with a message naming the entry', () => {
    expect(readConfig({}).trustProxy).toEqual([]);
    expect(readConfig({ COUNTY_TRUST_PROXY: '127.0.0.1, 10.20.0.0/16,::1,fd00::/8' }).trustProxy).toEqual(['127.0.0.1', '10.20.0.0/16', '::1', 'fd00::/8']);
    for (const bad of ['true', '*', 'proxy.county.local', '300.1.1.1', '10.0.0.0/33', '10.0.0.1/8/8', '::1/129', '1.2.3']) {
      expect(() => readConfig({ COUNTY_TRUST_PROXY: bad }), bad).toThrow(/COUNTY_TRUST_PROXY .*got '/);
    }
  });

  it('any generated value is either a list of addresses or refused with that message', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    const entry = fc.oneof(v4, fc.tuple(v4, fc.nat(32)).map(([a, p]) => `${a}/${p}`), fc.string({ maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (entries) => {
        const value = entries.join(',');
        let list: string[] | null = null;
        let failure: unknown = null;
        try {
          list = readConfig({ COUNTY_TRUST_PROXY: value }).trustProxy;
        } catch (error) {
          failure = error;
        }
        if (list === null) {
          expect(String(failure)).toMatch(/COUNTY_TRUST_PROXY must list IP addresses or CIDR ranges of the proxies, got '/);
        } else {
          // The pieces between commas, trimmed, empty ones dropped (a generated string may hold commas).
          expect(list).toEqual(value.split(',').map((e) => e.trim()).filter(Boolean));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe.each([
  { name: 'behind a trusted proxy', trustProxy: ['127.0.0.1'] },
  { name: 'without COUNTY_TRUST_PROXY', trustProxy: [] as string[] },
])('console login $name', ({ trustProxy }) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;

  beforeAll(async () => {
    ({ db, cleanup } = await backends[0]!.open());
    t = await appWithStations(db, { trustProxy, console: CONSOLE });
    await createUser(db, { username: 'clerk01', displayName: '经办一', role: 'clerk', password: 'Jingban-2026a', mustChangePassword: false }, t.clock.now);
  });
  afterAll(async () => {
    await t.app.close();
    await cleanup();
  });

  function login(forwardedFor: string, username: string, password: string) {
    return t.app.inject({
      method: 'POST',
      url: '/console/api/login',
      remoteAddress: '127.0.0.1',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify({ username, password }),
    });
  }

  it('names the client the proxy saw only when the proxy is trusted', async () => {
    await login('10.0.0.5', 'nobody', 'wrong-password-1');
    const entry = (await readAudit(db, { limit: 10, action: 'login.failed' })).find((r) => r.action === 'login.failed');
    expect(entry?.address).toBe(trustProxy.length > 0 ? '10.0.0.5' : '127.0.0.1');
  });

  it('locks the address that failed, not every PC behind the proxy (forged headers from untrusted peers change nothing)', async () => {
    // Twenty failures (ten times the per-name limit of 2) from one PC, each on another name.
    for (let i = 0; i < 20; i += 1) await login('10.0.0.7', `guess${i}`, 'wrong-password-2');
    const fromSame = await login('10.0.0.7', 'clerk01', 'Jingban-2026a');
    const fromOther = await login('10.0.0.8', 'clerk01', 'Jingban-2026a');
    expect(fromSame.statusCode).toBe(429);
    // Behind a trusted proxy another PC still signs in; without the setting every request
    // is the proxy's address, so the lockout covers all of them (the header is not believed).
    expect(fromOther.statusCode).toBe(trustProxy.length > 0 ? 200 : 429);
  });
});
