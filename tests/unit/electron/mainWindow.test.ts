import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: unknown; listeners: Map<string, (...args: unknown[]) => void>; show: ReturnType<typeof vi.fn> }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    listeners = new Map<string, (...args: unknown[]) => void>();
    show = vi.fn();
    constructor(options: unknown) {
      created.push({ options, listeners: this.listeners, show: this.show });
    }
    once(event: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(event, fn);
    }
    on(event: string, fn: (...args: unknown[]) => void) {
      this.listeners.set(event, fn);
    }
  },
}));

const { createMainWindow, mainWindowOptions, WINDOW_TITLE } = await import('../../../electron/main/windows/mainWindow');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('sets every security-relevant webPreference', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(mainWindowOptions('/p.cjs', undefined, { devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('is titled in Chinese, fits 1366×768 and stays hidden until ready', () => {
    const options = mainWindowOptions('/p.cjs');
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('联络站接待台');
    expect(options.width).toBeLessThanOrEqual(1366);
    expect(options.height).toBeLessThanOrEqual(768);
    expect(options.minWidth).toBe(1024);
    expect(options.minHeight).toBe(700);
    expect(options.show).toBe(false);
  });

  it('creates the window with those options and shows it on ready-to-show', () => {
    createMainWindow('/p.cjs', { devTools: false });
    expect(created).toHaveLength(1);
    const [win] = created;
    expect(win!.options).toEqual(mainWindowOptions('/p.cjs'));
    expect(win!.show).not.toHaveBeenCalled();
    win!.listeners.get('ready-to-show')!();
    expect(win!.show).toHaveBeenCalledOnce();
  });

  it('keeps the product name as the window title', () => {
    createMainWindow('/p.cjs', { devTools: false });
    const preventDefault = vi.fn();
    created[0]!.listeners.get('page-title-updated')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });
});
