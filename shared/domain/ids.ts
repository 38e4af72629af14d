/**
 * Client-generated ids: created once when a record is first made, never regenerated.
 * Time-ordered (48-bit ms timestamp + 80 random bits, UUIDv7 layout) so that
 * index order follows creation order.
 */
export function newId(now: number = Date.now(), random: (bytes: Uint8Array) => Uint8Array = fillRandom): string {
  const bytes = random(new Uint8Array(16));
  let ts = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ts % 256;
    ts = Math.floor(ts / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array;
}

function fillRandom(bytes: Uint8Array): Uint8Array {
  const c = (globalThis as { crypto?: CryptoLike }).crypto;
  if (!c) throw new Error('newId: no crypto.getRandomValues available');
  return c.getRandomValues(bytes);
}
