import { describe, expect, it } from 'vitest';
import { idsBelow, newId } from '../../../shared/domain/ids';
import { idSchema } from '../../../shared/domain/schemas';

describe('newId', () => {
  it('is unique over many calls and accepted by the id schema', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 50)) expect(idSchema.safeParse(id).success).toBe(true);
  });

  it('sorts in creation-time order whatever the random part is', () => {
    const high = (b: Uint8Array) => b.fill(0xff);
    const low = (b: Uint8Array) => b.fill(0x00);
    const earlier = newId(1_772_330_000_000, high);
    const later = newId(1_772_330_000_001, low);
    expect(earlier < later).toBe(true);
    const times = [1_600_000_000_000, 1_700_000_000_000, 1_772_330_000_000, 2_000_000_000_000];
    const sorted = [...times].reverse().map((t) => newId(t)).sort();
    expect(sorted.map((id) => parseInt(id.replace(/-/g, '').slice(0, 12), 16))).toEqual(times);
  });

  it('has the UUIDv7 layout (version 7, RFC variant)', () => {
    const id = newId(1_772_330_000_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('idsBelow', () => {
  it('makes distinct ids, descending, below the given one and above any id of an earlier millisecond', () => {
    const now = Date.UTC(2026, 2, 1, 2, 5);
    for (let round = 0; round < 200; round++) {
      const top = newId(now);
      const earlier = newId(now - 1);
      const below = idsBelow(top, 5);
      expect(new Set(below).size).toBe(5);
      expect([...below].sort().reverse()).toEqual(below);
      for (const id of below) {
        expect(id < top && id > earlier).toBe(true);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
    }
  });
});
