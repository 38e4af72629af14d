import { describe, expect, it } from 'vitest';
import { release } from '../../../renderer/src/backup/release';

describe('release', () => {
  it('frees a buffer the chunk owns whole', () => {
    const chunk = new Uint8Array(1024).fill(7);
    release(chunk);
    expect(chunk.buffer.byteLength).toBe(0);
    expect(chunk.length).toBe(0);
  });

  it('leaves a view into a larger buffer alone, so the rest of that buffer stays readable', () => {
    const whole = new Uint8Array(64).fill(3);
    const head = whole.subarray(0, 32);
    const tail = whole.subarray(32);
    release(head);
    release(tail);
    expect(whole.length).toBe(64);
    expect(whole[63]).toBe(3);
  });

  it('leaves a view that starts past the beginning alone', () => {
    const whole = new Uint8Array(16).fill(5);
    const view = new Uint8Array(whole.buffer, 4);
    release(view);
    expect(whole.buffer.byteLength).toBe(16);
  });

  it('is harmless on a buffer already released', () => {
    const chunk = new Uint8Array(8);
    release(chunk);
    expect(() => release(chunk)).not.toThrow();
  });
});
