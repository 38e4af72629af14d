import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, isAllowedRequest, type SessionLike, type WebContentsLike } from '../../../electron/main/security';
import { recordingLogger } from './support';

type Listener = (event: { preventDefault: () => void }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on: (event: string, fn: Listener) => listeners.set(event, fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: 'deny' }) => {
      openHandler = fn;
    },
  } as unknown as WebContentsLike;
  const fire = (event: string, url?: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('webContents hardening', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s blocks other origins and allows the app', (event) => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, recordingLogger());
    expect(fire(event, 'https://example.com/')).toBe(true);
    expect(fire(event, 'file:///etc/passwd')).toBe(true);
    expect(fire(event, 'app://other-host/index.html')).toBe(true);
    expect(fire(event, 'http://localhost:5173/')).toBe(true);
    expect(fire(event, 'app://station-desk/index.html#/settings')).toBe(false);
  });

  it('allows the dev server only when one is given', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, recordingLogger(), 'http://localhost:5173');
    expect(fire('will-navigate', 'http://localhost:5173/#/history')).toBe(false);
    expect(fire('will-navigate', 'http://localhost:5174/')).toBe(true);
  });

  it('denies every new window, including the app itself', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents, recordingLogger());
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://station-desk/index.html')).toEqual({ action: 'deny' });
  });

  it('blocks webview attachment', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, recordingLogger());
    expect(fire('will-attach-webview')).toBe(true);
  });
});

describe('session hardening', () => {
  function fakeSession() {
    const s: {
      request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
      before?: Parameters<SessionLike['webRequest']['onBeforeRequest']>[0];
    } = {};
    const session: SessionLike = {
      setPermissionRequestHandler: (h) => (s.request = h),
      setPermissionCheckHandler: (h) => (s.check = h),
      webRequest: { onBeforeRequest: (l) => (s.before = l) },
    };
    return { session, s };
  }

  it('denies every permission request and check', () => {
    const { session, s } = fakeSession();
    hardenSession(session, recordingLogger());
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      s.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(s.check!({}, permission)).toBe(false);
    }
  });

  it('cancels remote requests and lets the app scheme through', () => {
    const { session, s } = fakeSession();
    hardenSession(session, recordingLogger());
    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      s.before!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://cdn.example.com/x.js')).toBe(true);
    expect(verdict('http://192.168.1.10/v1/push')).toBe(true);
    expect(verdict('file:///C:/Windows/win.ini')).toBe(true);
    expect(verdict('app://station-desk/assets/index.js')).toBe(false);
    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
  });

  it('allows the dev server socket only in development', () => {
    expect(isAllowedRequest('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequest('ws://evil.example:5173/', 'http://localhost:5173')).toBe(false);
  });
});
