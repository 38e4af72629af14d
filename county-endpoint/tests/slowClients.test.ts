/**
 * Slow and stalled clients on a real listening socket (127.0.0.1 only, bounded in count
 * and time): many half-sent uploads from one station never deny service to the others,
 * and the timeouts cut stalled requests off with the protocol's error body.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema, pushResponseSchema } from '../../shared/protocol/index.js';
import type { Database } from '../src/db/database.js';
import { backends } from './support/backends.js';
import { appWithStations, listItem, type TestApp } from './support/fixtures.js';

const A = 'st-yzw-001';
const B = 'st-hk-0002';
const pglite = backends.find((b) => b.name === 'pglite')!;

/** Stalled uploads from station A: as many as the server has slots. */
const STALLED = 64;

/**
 * The server's timeouts, far apart so that which one answered is told by the answer and
 * the order of events, not by a stopwatch (a loaded machine may take seconds for a push).
 */
const HEADERS_TIMEOUT_MS = 1_000;
const BODY_TIMEOUT_MS = 10_000;
const IDLE_TIMEOUT_MS = 20_000;

interface Raw {
  socket: Socket;
  /** What the server has written so far. */
  received: () => string;
  /** Everything the server wrote, once it closed the connection. */
  closed: Promise<string>;
}

function open(port: number, text: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.write(text);
      resolve({ socket, received: () => data, closed });
    });
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (data += d));
    const closed = new Promise<string>((done) => socket.on('close', () => done(data)));
    socket.on('error', reject);
  });
}

/** Headers and the first bytes of a body that is never finished. */
function stalledUpload(token: string): string {
  const body = JSON.stringify({ protocolVersion: 1, stationId: A, items: [listItem()] });
  return (
    `POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 40)}`
  );
}

describe('slow clients on a real socket', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let t: TestApp;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    ({ db, cleanup } = await pglite.open());
    t = await appWithStations(db, { maxInFlight: STALLED, headersTimeoutMs: HEADERS_TIMEOUT_MS, bodyTimeoutMs: BODY_TIMEOUT_MS, idleTimeoutMs: IDLE_TIMEOUT_MS, maxPerStation: 8, ratePerMinute: 10_000 });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await t?.app.close();
    await cleanup?.();
  });

  const base = () => `http://127.0.0.1:${port}`;
  const pushAs = (token: string, stationId: string) =>
    fetch(`${base()}/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ protocolVersion: 1, stationId, items: [listItem()] }),
      signal: AbortSignal.timeout(5_000),
    });

  it(`serves station B while station A holds ${STALLED} half-sent uploads, then cuts them off with 408`, async () => {
    const stalled: Raw[] = [];
    for (let i = 0; i < STALLED; i += 1) {
      const raw = await open(port, stalledUpload(t.tokenA));
      sockets.push(raw.socket);
      stalled.push(raw);
    }
    // Let the server read every request's headers.
    await new Promise((r) => setTimeout(r, 200));

    const fromB = await Promise.all(Array.from({ length: 5 }, () => pushAs(t.tokenB, B)));
    expect(fromB.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    for (const r of fromB) expect(pushResponseSchema.parse(await r.json()).receipts[0]?.status).toBe('accepted');
    // Served while A's uploads were still held: none of them has been cut off yet.
    expect(stalled.filter((s) => s.received().startsWith('HTTP/1.1 408'))).toHaveLength(0);

    // A itself gets a clear answer for a new request meanwhile: its cap, not a hang.
    const fromA = await pushAs(t.tokenA, A);
    expect(fromA.status).toBe(429);
    expect(errorBodySchema.parse(await fromA.json()).error.code).toBe('rateLimited');
    expect(fromA.headers.get('retry-after')).toBe('5');

    // Every stalled upload ends (at the body timeout, or at once when refused), with the protocol's body.
    const answers = await Promise.all(stalled.map((s) => s.closed));
    const timedOut = answers.filter((a) => a.startsWith('HTTP/1.1 408'));
    const refused = answers.filter((a) => a.startsWith('HTTP/1.1 429'));
    // A's own 8 slots held until the body timeout; every other upload refused at once.
    expect(timedOut).toHaveLength(8);
    expect(refused).toHaveLength(STALLED - 8);
    expect(timedOut[0]).toContain('"code":"requestTimeout"');
    expect(refused[0]).toContain('"code":"rateLimited"');

    // And A is served again once its uploads are gone.
    expect((await pushAs(t.tokenA, A)).status).toBe(200);
  });

  it('closes a connection whose headers never finish, with 408 in the protocol body', async () => {
    const raw = await open(port, `POST /v1/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bear`);
    sockets.push(raw.socket);
    const started = Date.now();
    const answer = await raw.closed;
    // Cut off by the headers timeout, not by the body's ten times longer one.
    expect(Date.now() - started).toBeLessThan(BODY_TIMEOUT_MS);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"code":"requestTimeout"');
  });

  it('answers an unreadable request line and a 100 KB header with the protocol body', async () => {
    const bad = await open(port, 'FOO\u0001 /v1/push HTTP/1.1\r\nHost: x\r\n\r\n');
    sockets.push(bad.socket);
    const badAnswer = await bad.closed;
    expect(badAnswer).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(badAnswer.slice(badAnswer.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'invalidRequest', message: expect.any(String) as string } });

    const big = await open(port, `GET /v1/ping?protocolVersion=1 HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(100 * 1024)}\r\n\r\n`);
    sockets.push(big.socket);
    const bigAnswer = await big.closed;
    expect(bigAnswer).toMatch(/^HTTP\/1\.1 431/);
    expect(errorBodySchema.parse(JSON.parse(bigAnswer.slice(bigAnswer.indexOf('\r\n\r\n') + 4))).error.code).toBe('headersTooLarge');
  });

  it('answers a method the protocol has no route for with its 404 body', async () => {
    const res = await fetch(`${base()}/v1/push`, { method: 'PATCH', headers: { authorization: `Bearer ${t.tokenA}` } });
    expect(res.status).toBe(404);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('notFound');
  });
});
