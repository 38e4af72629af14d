/** When the app warns that space runs out: the browser's quota or the disk, whichever leaves less room. */
import { describe, expect, it } from 'vitest';
import { isLow, LOW_SPACE_BYTES } from '../../../renderer/src/features/backup/storageLow';

const MB = 1024 * 1024;

describe('storage low warning', () => {
  it('warns when the quota leaves less than the margin', () => {
    expect(isLow(10 * MB, 10 * MB + LOW_SPACE_BYTES - 1, null)).toBe(true);
    expect(isLow(10 * MB, 10 * MB + LOW_SPACE_BYTES, null)).toBe(false);
  });
  it('warns when the disk is nearly full even if the quota is large', () => {
    expect(isLow(10 * MB, 10_000 * MB, { free: 100 * MB })).toBe(true);
    expect(isLow(10 * MB, 10_000 * MB, { free: 5_000 * MB })).toBe(false);
  });
  it('does not warn on unknown figures', () => {
    expect(isLow(null, null, null)).toBe(false);
  });
});
