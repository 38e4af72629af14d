/**
 * The Electron security checklist, applied once for every session and every webContents:
 * no navigation away from the app, no new windows, no <webview>, no permissions, and no
 * remote content — the renderer's session may load only the app's own scheme (and the
 * dev server in development). The county is reached by main on a separate session.
 *
 * Written against small structural types so the unit tests can drive the real handlers.
 */
import { isAppUrl } from './origin';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: PreventableEvent, url: string) => void): void;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

export interface SecurityLog {
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** URL schemes the renderer's own session may request besides the app itself. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

export function isAllowedRequest(url: string, devServerUrl?: string): boolean {
  if (isAppUrl(url, devServerUrl)) return true;
  try {
    const { protocol } = new URL(url);
    // The dev server's hot-reload socket is ws:// on the same host.
    if (devServerUrl && protocol === 'ws:') return new URL(url).host === new URL(devServerUrl).host;
    return LOCAL_SCHEMES.has(protocol);
  } catch {
    return false;
  }
}

/** Every webContents: stays on the app, opens no windows, attaches no webviews. */
export function hardenWebContents(contents: WebContentsLike, log: SecurityLog, devServerUrl?: string): void {
  const guard = (kind: string) => (event: PreventableEvent, url: string) => {
    if (isAppUrl(url, devServerUrl)) return;
    event.preventDefault();
    log.warn(`blocked ${kind}`, { target: originOf(url) });
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('blocked new window', { target: originOf(url) });
    return { action: 'deny' };
  });
}

/** The renderer's session: every permission denied, every remote request cancelled. */
export function hardenSession(session: SessionLike, log: SecurityLog, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    log.warn('denied permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, devServerUrl);
    if (!allowed) log.warn('blocked remote request', { target: originOf(details.url) });
    callback({ cancel: !allowed });
  });
}

function originOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid url)';
  }
}
