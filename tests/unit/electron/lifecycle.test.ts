/**
 * index.ts against a mocked 'electron': the scheme is registered privileged before ready,
 * the app:// handler and the session hardening are installed, every contract channel gets
 * an ipcMain handler, and the window loads the app origin. A second instance quits.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { allChannels } from '../../../shared/bridge/contract';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/main/appScheme';
import { tempDir } from './support';

const state = vi.hoisted(() => ({
  lock: true,
  calls: [] as string[],
  schemes: [] as unknown[],
  handledSchemes: [] as string[],
  ipcChannels: [] as string[],
  appListeners: new Map<string, (...args: unknown[]) => void>(),
  loaded: [] as string[],
  windows: [] as { options: { webPreferences: Record<string, unknown> } }[],
  permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
  userData: '',
}));

vi.mock('electron', () => {
  class BrowserWindow {
    options: { webPreferences: Record<string, unknown> };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      this.options = options;
      state.windows.push(this);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      state.loaded.push(url);
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  const fakeSession = {
    setPermissionRequestHandler: (h: typeof state.permissionRequest) => (state.permissionRequest = h),
    setPermissionCheckHandler: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
    setCertificateVerifyProc: () => undefined,
    closeAllConnections: () => Promise.resolve(),
    fetch: () => Promise.reject(new Error('offline')),
  };
  return {
    app: {
      isPackaged: true,
      commandLine: { appendSwitch: (name: string, value: string) => state.calls.push(`appendSwitch ${name}=${value}`) },
      requestSingleInstanceLock: () => state.lock,
      quit: () => state.calls.push('quit'),
      on: (event: string, fn: (...args: unknown[]) => void) => state.appListeners.set(event, fn),
      whenReady: () => {
        state.calls.push('whenReady');
        return Promise.resolve();
      },
      getPath: () => state.userData,
      getVersion: () => '0.1.0',
    },
    Menu: { setApplicationMenu: (menu: unknown) => state.calls.push(`setApplicationMenu ${String(menu)}`) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.calls.push('registerSchemesAsPrivileged');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string) => state.handledSchemes.push(scheme),
    },
    session: { defaultSession: fakeSession, fromPartition: () => fakeSession },
    ipcMain: { handle: (channel: string) => state.ipcChannels.push(channel) },
    BrowserWindow,
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'gnome_libsecret', encryptString: (s: string) => Buffer.from(s), decryptString: (b: Buffer) => b.toString() },
  };
});

describe('main process lifecycle', () => {
  let removeUserData = () => undefined as void;
  afterEach(() => removeUserData());
  beforeEach(() => {
    vi.resetModules();
    state.calls = [];
    state.schemes = [];
    state.handledSchemes = [];
    state.ipcChannels = [];
    state.loaded = [];
    state.windows = [];
    state.appListeners.clear();
    const userData = tempDir();
    state.userData = userData.path;
    removeUserData = userData.remove;
  });

  it('boots: privileged scheme before ready, handlers, hardened session, window on app://', async () => {
    state.lock = true;
    await import('../../../electron/main/index');
    await vi.waitFor(() => expect(state.loaded).toHaveLength(1));
    expect(state.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(state.calls.indexOf('whenReady'));
    // Chinese date inputs and built-in messages on any PC locale: the switch must be set before ready.
    expect(state.calls.indexOf('appendSwitch lang=zh-CN')).toBeGreaterThanOrEqual(0);
    expect(state.calls.indexOf('appendSwitch lang=zh-CN')).toBeLessThan(state.calls.indexOf('whenReady'));
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, codeCache: true, secure: true, allowServiceWorkers: false, corsEnabled: false });
    expect(state.handledSchemes).toEqual(['app']);
    expect(state.ipcChannels.sort()).toEqual(allChannels().map((c) => c.channel).sort());
    expect(state.loaded).toEqual(['app://station-desk/index.html']);
    expect(state.windows[0]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    // Packaged: no default menu (Reload, Toggle Developer Tools) and no developer tools.
    expect(state.calls).toContain('setApplicationMenu null');
    expect(String(state.windows[0]!.options.webPreferences['preload'])).toMatch(/out[/\\]preload[/\\]index\.cjs$|preload[/\\]index\.cjs$/);
    const granted = vi.fn();
    state.permissionRequest!(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(state.appListeners.has('second-instance')).toBe(true);
    expect(state.appListeners.has('web-contents-created')).toBe(true);
  });

  it('a second instance quits without opening a window', async () => {
    state.lock = false;
    await import('../../../electron/main/index');
    expect(state.calls).toContain('quit');
    expect(state.calls).not.toContain('whenReady');
    expect(state.windows).toHaveLength(0);
  });
});
