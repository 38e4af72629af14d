/**
 * HTTP behaviour of the endpoint on embedded storage: errors in protocol shape, body caps,
 * versions, media types, CORS for the browser flavour, overload answers, fault hooks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, errorBodySchema } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { backends } from './support/backends.js';
import { buildApp } from '../src/http/app.js';
import { appWithStations, listItem, push, testConfig, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const pglite = backends.find((b) => b.name === 'pglite')!;

function post(t: TestApp, body: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: { authorization: `Bearer ${t.tokenA}`, 'content-type': 'application/json', ...headers },
    payload: body,
  });
}

describe('HTTP errors and limits', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  beforeAll(async () => {
    ({ db, cleanup } = await pglite.open());
    t = await appWithStations(db, { ratePerMinute: 1000 });
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  const code = (res: { json: () => unknown }) => errorBodySchema.parse(res.json()).error.code;

  it('answers bad JSON with 400 badJson', async () => {
    const res = await post(t, '{"protocolVersion":1,');
    expect(res.statusCode).toBe(400);
    expect(code(res)).toBe('badJson');
  });

  it('answers a body over the cap with 413 payloadTooLarge, in JSON', async () => {
    const res = await post(t, JSON.stringify({ protocolVersion: 1, stationId: A, items: ['x'.repeat(MAX_REQUEST_BYTES)] }));
    expect(res.statusCode).toBe(413);
    expect(code(res)).toBe('payloadTooLarge');
  });

  it('answers another protocol version, or none, with 426', async () => {
    for (const v of [2, '1', undefined]) {
      const res = await post(t, JSON.stringify({ protocolVersion: v, stationId: A, items: [listItem()] }));
      expect(res.statusCode).toBe(426);
      expect(code(res)).toBe('unsupportedProtocolVersion');
    }
    const get = await t.app.inject({ method: 'GET', url: '/v1/updates?protocolVersion=2', headers: { authorization: `Bearer ${t.tokenA}` } });
    expect(get.statusCode).toBe(426);
  });

  it('answers a bad envelope with 400 invalidRequest and details', async () => {
    const res = await post(t, JSON.stringify({ protocolVersion: 1, stationId: A, items: [] }));
    expect(res.statusCode).toBe(400);
    expect(errorBodySchema.parse(res.json()).error).toMatchObject({ code: 'invalidRequest', details: [expect.stringContaining('items')] });
    expect((await post(t, '[1,2]')).statusCode).toBe(400);
  });

  it('answers a non-JSON content type with 415', async () => {
    const res = await post(t, 'hello', { 'content-type': 'text/plain' });
    expect(res.statusCode).toBe(415);
    expect(code(res)).toBe('unsupportedMediaType');
  });

  it('answers a missing or unknown token with 401 before reading the body', async () => {
    const none = await t.app.inject({ method: 'POST', url: '/v1/push', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    expect(none.statusCode).toBe(401);
    expect(code(none)).toBe('unauthorized');
    const wrong = await post(t, '{}', { authorization: 'Bearer sdt_not-a-real-token-0000' });
    expect(wrong.statusCode).toBe(401);
  });

  it('reads the bearer scheme in any case and refuses anything after the token', async () => {
    const ping = (authorization: string) => t.app.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { authorization } });
    for (const ok of [`Bearer ${t.tokenA}`, `bearer ${t.tokenA}`, `BEARER  ${t.tokenA}`, `Bearer ${t.tokenA} `]) {
      expect((await ping(ok)).statusCode, ok.replace(t.tokenA, '<token>')).toBe(200);
    }
    for (const bad of [`Bearer ${t.tokenA} trailing-garbage`, `Bearer ${t.tokenA},x`, `Basic ${t.tokenA}`, `Bearer`, `Bearer\t${t.tokenA}`, t.tokenA]) {
      const res = await ping(bad);
      expect(res.statusCode, bad.replace(t.tokenA, '<token>')).toBe(401);
      expect(code(res)).toBe('unauthorized');
    }
  });

  it('refuses an unknown top-level field of a push, as it refuses unknown fields in items', async () => {
    const res = await post(t, JSON.stringify({ protocolVersion: 1, stationId: A, items: [listItem()], extra: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalidRequest' } });
    expect(JSON.stringify(res.json())).toContain('extra');
  });

  it('answers unknown routes with 404 JSON and has no fault or admin routes in a normal run', async () => {
    for (const [method, url] of [['GET', '/v2/ping'], ['POST', '/__faults'], ['POST', '/__admin/command']] as const) {
      const res = await t.app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: method === 'POST' ? '{}' : undefined });
      expect(res.statusCode).toBe(404);
      expect(code(res)).toBe('notFound');
    }
  });

  it('answers a CORS preflight from the browser flavour and exposes Retry-After', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/v1/push',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-allow-headers'])).toMatch(/Authorization/);
    const get = await t.app.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { origin: 'http://127.0.0.1:4173' } });
    expect(get.statusCode).toBe(401);
    expect(get.headers['access-control-allow-origin']).toBe('*');
    expect(String(get.headers['access-control-expose-headers'])).toMatch(/Retry-After/);
  });
});

describe('overload and fault hooks', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  beforeAll(async () => {
    ({ db, cleanup } = await pglite.open());
    t = await appWithStations(db, { faults: true, ratePerMinute: 1000 });
  });
  afterAll(async () => {
    await t?.app.close();
    await cleanup?.();
  });

  const faults = (body: unknown) => t.app.inject({ method: 'POST', url: '/__faults', payload: body as object });

  it('answers a station over its allowance with 429 and Retry-After, other stations unaffected', async () => {
    const limited = await buildApp({ db, config: testConfig({ ratePerMinute: 3 }), logger: false });
    const ping = (token: string) => limited.inject({ method: 'GET', url: '/v1/ping?protocolVersion=1', headers: { authorization: `Bearer ${token}` } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await ping(t.tokenB)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const res = await ping(t.tokenB);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await ping(t.tokenA)).statusCode).toBe(200);
    await limited.close();
  });

  it('queues 503 with Retry-After, then serves normally', async () => {
    t.clock.now = new Date('2026-03-02T02:00:00.000Z');
    expect((await faults({ faults: [{ type: '503', retryAfterSeconds: 7, route: 'push' }] })).statusCode).toBe(200);
    const item = listItem();
    const first = await push(t.app, t.tokenA, A, [item]);
    expect(first.statusCode).toBe(503);
    expect(first.headers['retry-after']).toBe('7');
    const second = await push(t.app, t.tokenA, A, [item]);
    expect(second.json()).toMatchObject({ receipts: [{ status: 'accepted' }] });
  });

  it('garbles the answer of a committed push; the resend gets the original receipt', async () => {
    await faults({ faults: [{ type: 'malformed', route: 'push' }] });
    const item = listItem();
    const broken = await push(t.app, t.tokenA, A, [item]);
    expect(broken.statusCode).toBe(200);
    expect(() => JSON.parse(broken.body) as unknown).toThrow();
    const again = await push(t.app, t.tokenA, A, [item]);
    expect(again.json()).toMatchObject({ receipts: [{ status: 'duplicate', id: item.id }] });
  });

  it('lists, consumes per route, and clears the fault queue; refuses a bad fault', async () => {
    await faults({ faults: [{ type: '500', times: 2, route: 'updates' }] });
    expect((await t.app.inject({ method: 'GET', url: '/__faults' })).json()).toMatchObject({ queued: [{ type: '500', times: 2 }] });
    expect((await push(t.app, t.tokenA, A, [listItem()])).statusCode).toBe(200);
    await t.app.inject({ method: 'DELETE', url: '/__faults' });
    expect((await t.app.inject({ method: 'GET', url: '/__faults' })).json()).toEqual({ queued: [] });
    expect((await faults({ faults: [{ type: 'explode' }] })).statusCode).toBe(400);
  });
});
