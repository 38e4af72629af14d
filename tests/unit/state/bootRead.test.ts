/** A read started at boot: once, used while fresh, forgotten when it failed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootRead } from '../../../renderer/src/state/bootRead';

afterEach(() => vi.useRealTimers());

describe('bootRead', () => {
  it('reads once, gives the running read and then its value while fresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const read = vi.fn(() => Promise.resolve(42));
    const boot = bootRead('a number', read, 5_000);
    expect(boot.pending()).toBeUndefined();
    boot.start();
    boot.start();
    expect(read).toHaveBeenCalledTimes(1);
    expect(boot.value()).toBeUndefined();
    expect(await boot.pending()).toBe(42);
    expect(boot.value()).toBe(42);
    vi.setSystemTime(Date.now() + 5_001);
    expect(boot.value()).toBeUndefined();
    expect(boot.pending()).toBeUndefined();
  });

  it('a failed read gives undefined and is logged, never thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const boot = bootRead('the accounts', () => Promise.reject(new Error('closed')));
    boot.start();
    expect(await boot.pending()).toBeUndefined();
    expect(boot.value()).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('Reading the accounts at start failed', expect.any(Error));
    warn.mockRestore();
  });
});
