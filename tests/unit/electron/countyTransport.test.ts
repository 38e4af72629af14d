import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCountyTransport } from '../../../electron/main/services/countyTransport';
import type { SettingsStore } from '../../../electron/main/services/settingsStore';
import type { TokenStore } from '../../../electron/main/services/tokenStore';
import { recordingLogger } from './support';

const TOKEN = 'st-county-token-0123456789abcdef';
let server: Server;
let base = '';
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url === '/v1/busy') {
        res.writeHead(503, { 'retry-after': '120', 'content-type': 'application/json' });
        res.end('{"error":"maintenance"}');
      } else if (req.url === '/v1/slow') {
        setTimeout(() => res.end('late'), 2_000);
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function transport(endpointUrl: string, token: string | null) {
  const settings: SettingsStore = { read: () => ({ endpointUrl, caCertificatePem: '' }), write: (c) => c };
  const tokens = { reveal: () => token } as TokenStore;
  const logger = recordingLogger();
  logger.addSecret(TOKEN);
  return { logger, t: createCountyTransport({ fetch: (u, i) => fetch(u, i), settings, tokens, logger }) };
}

describe('county transport', () => {
  it('adds the bearer token in main and returns status and body', async () => {
    const { t, logger } = transport(`${base}/`, TOKEN);
    const res = await t.send({ method: 'POST', path: '/v1/push', body: '{"lists":[]}', timeoutMs: 5_000 });
    expect(res).toEqual({ kind: 'response', status: 200, retryAfter: null, body: '{"ok":true}' });
    const req = seen.at(-1)!;
    expect(req.url).toBe('/v1/push');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.body).toBe('{"lists":[]}');
    expect(logger.text()).not.toContain(TOKEN);
  });

  it('passes 503 with Retry-After through', async () => {
    const { t } = transport(base, TOKEN);
    expect(await t.send({ method: 'GET', path: '/v1/busy', timeoutMs: 5_000 })).toEqual({
      kind: 'response',
      status: 503,
      retryAfter: '120',
      body: '{"error":"maintenance"}',
    });
  });

  it('turns a stalled server into networkError timeout', async () => {
    const { t } = transport(base, TOKEN);
    // The server answers after 2 s: a timeout result means the 300 ms limit cut it off.
    const res = await t.send({ method: 'GET', path: '/v1/slow', timeoutMs: 300 });
    expect(res).toMatchObject({ kind: 'networkError', reason: 'timeout' });
  });

  it('reports unreachable when nothing listens', async () => {
    const { t } = transport('http://127.0.0.1:9', TOKEN);
    expect(await t.send({ method: 'GET', path: '/v1/pull', timeoutMs: 3_000 })).toMatchObject({ kind: 'networkError', reason: 'unreachable' });
  });

  it('does not send without an address or a token', async () => {
    const before = seen.length;
    expect(await transport('', TOKEN).t.send({ method: 'GET', path: '/v1/pull', timeoutMs: 1_000 })).toMatchObject({ reason: 'notConfigured' });
    expect(await transport(base, null).t.send({ method: 'GET', path: '/v1/pull', timeoutMs: 1_000 })).toMatchObject({ reason: 'tokenMissing' });
    expect(seen.length).toBe(before);
  });

  it('classifies certificate failures', async () => {
    const failing = (cause: Error) => async () => {
      throw new TypeError('fetch failed', { cause });
    };
    const settings: SettingsStore = { read: () => ({ endpointUrl: 'https://county.example', caCertificatePem: '' }), write: (c) => c };
    const tokens = { reveal: () => TOKEN } as TokenStore;
    const chromium = createCountyTransport({ fetch: async () => { throw new Error('net::ERR_CERT_AUTHORITY_INVALID'); }, settings, tokens, logger: recordingLogger() });
    expect(await chromium.send({ method: 'GET', path: '/v1/pull', timeoutMs: 1_000 })).toMatchObject({ reason: 'certificate' });
    const node = createCountyTransport({ fetch: failing(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })), settings, tokens, logger: recordingLogger() });
    expect(await node.send({ method: 'GET', path: '/v1/pull', timeoutMs: 1_000 })).toMatchObject({ reason: 'certificate' });
  });
});
