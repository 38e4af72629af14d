import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, type AppLike, type WindowLike } from '../../../electron/main/singleInstance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  const quit = vi.fn<() => void>();
  const app: AppLike = { requestSingleInstanceLock: () => gotLock, quit, on: (e, fn) => void listeners.set(e, fn) };
  return { app, quit, secondLaunch: () => listeners.get('second-instance')?.() };
}

function fakeWindow(minimized: boolean) {
  const spies = { restore: vi.fn<() => void>(), show: vi.fn<() => void>(), focus: vi.fn<() => void>() };
  const window: WindowLike = { isDestroyed: () => false, isMinimized: () => minimized, ...spies };
  return { window, ...spies };
}

describe('single instance', () => {
  it('a second launch quits at once', () => {
    const { app, quit } = fakeApp(false);
    expect(claimSingleInstance(app, () => null)).toBe(false);
    expect(quit).toHaveBeenCalledOnce();
  });

  it('the first instance restores and focuses its window when launched again', () => {
    const { app, quit, secondLaunch } = fakeApp(true);
    const w = fakeWindow(true);
    expect(claimSingleInstance(app, () => w.window)).toBe(true);
    expect(quit).not.toHaveBeenCalled();
    secondLaunch();
    expect(w.restore).toHaveBeenCalledOnce();
    expect(w.show).toHaveBeenCalledOnce();
    expect(w.focus).toHaveBeenCalledOnce();
  });

  it('does not restore a window that is not minimised, and survives no window yet', () => {
    const { app, secondLaunch } = fakeApp(true);
    const w = fakeWindow(false);
    let current: WindowLike | null = null;
    claimSingleInstance(app, () => current);
    expect(() => secondLaunch()).not.toThrow();
    current = w.window;
    secondLaunch();
    expect(w.restore).not.toHaveBeenCalled();
    expect(w.focus).toHaveBeenCalledOnce();
  });
});
