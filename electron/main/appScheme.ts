/**
 * Serves the built renderer (out/renderer) under app://station-desk/. A privileged,
 * standard custom scheme gives the renderer a fixed origin — its IndexedDB survives
 * updates and a moved install folder, which file:// would not guarantee — and lets every
 * response carry a strict CSP header. Only GET/HEAD of files inside the root are served.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

/** The privileges registered before app 'ready' (see index.ts). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  // V8 keeps the compiled renderer code between starts (Chromium does this only for
  // http(s) unless a scheme asks): on an old PC, compiling the bundle's startup code
  // is a large part of a cold start.
  codeCache: true,
  secure: true,
  supportFetchAPI: true,
  allowServiceWorkers: false,
  corsEnabled: false,
  stream: false,
  bypassCSP: false,
} as const;

/**
 * The renderer talks to the county only through main, so connect-src is 'self'.
 * style-src allows inline styles because React sets style attributes; no inline scripts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export const mimeTypeOf = (path: string): string => MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

const securityHeaders = (): Record<string, string> => ({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
});

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...securityHeaders(), 'content-type': 'text/plain; charset=utf-8' } });
}

/** Maps a request URL to a file under `rootDir`, or null if it is outside or malformed. */
export function resolveAppPath(rootDir: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // Reject rather than normalise anything odd: backslashes, NUL, dot segments that the URL
  // parser left in (encoded %2e%2e), drive letters.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((seg) => seg === '..') || /^\/[A-Za-z]:/.test(pathname)) {
    return null;
  }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : null;
}

export function createAppSchemeHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(rootDir, request.url);
    if (!file) return plain(403, 'Forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return plain(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: { ...securityHeaders(), 'content-type': mimeTypeOf(file), 'content-length': String(info.size), 'cache-control': 'no-cache' },
      });
    } catch {
      return plain(404, 'Not found');
    }
  };
}
