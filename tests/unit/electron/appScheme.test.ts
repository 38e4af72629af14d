import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, createAppSchemeHandler, resolveAppPath } from '../../../electron/main/appScheme';
import { tempDir } from './support';

const dir = tempDir();
const root = join(dir.path, 'renderer');
const handler = createAppSchemeHandler(root);

// Request() rejects unknown schemes in Node, so the handler is fed real app:// URLs through a
// Request subclass whose url getter returns the original.
function appRequest(url: string, method = 'GET'): Request {
  const req = new Request('http://placeholder/', { method });
  Object.defineProperty(req, 'url', { value: url });
  return req;
}

beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>联络站接待台</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'noto.woff2'), 'font');
  writeFileSync(join(dir.path, 'secret.txt'), 'TOP-SECRET');
});
afterAll(() => dir.remove());

describe('app:// scheme handler', () => {
  it('registers the scheme as standard and secure, without service workers or CORS', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, codeCache: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, corsEnabled: false });
  });

  it('serves index.html for the root with the CSP header and the right MIME type', async () => {
    const res = await handler(appRequest('app://station-desk/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('联络站接待台');
  });

  it('serves assets with their MIME types', async () => {
    const js = await handler(appRequest('app://station-desk/assets/index-abc.js'));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const font = await handler(appRequest('app://station-desk/assets/noto.woff2'));
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('has a CSP that allows only the app itself to be contacted', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it.each([
    'app://station-desk/%2e%2e/secret.txt',
    'app://station-desk/assets/%2e%2e/%2e%2e/secret.txt',
    'app://station-desk/..%2fsecret.txt',
    'app://station-desk/assets/..%5c..%5csecret.txt',
    'app://station-desk/%00index.html',
    'app://other-host/index.html',
  ])('refuses %s', async (url) => {
    const res = await handler(appRequest(url));
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('TOP-SECRET');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('resolves dot segments the URL parser removes to paths inside the root only', () => {
    const resolved = resolveAppPath(root, 'app://station-desk/../../secret.txt');
    expect(resolved === null || resolved.startsWith(root)).toBe(true);
  });

  it('answers 404 for missing files and folders, 405 for writes', async () => {
    expect((await handler(appRequest('app://station-desk/nope.js'))).status).toBe(404);
    expect((await handler(appRequest('app://station-desk/assets'))).status).toBe(404);
    expect((await handler(appRequest('app://station-desk/index.html', 'POST'))).status).toBe(405);
  });
});
