/**
 * Client-generated ids: created once when a record is first made, never regenerated.
 * Time-ordered (48-bit ms timestamp + 80 random bits, UUIDv7 layout) so that
 * index order follows creation order.
 */
let lastMs = -1;
let sequence = 0;

export function newId(now: number = Date.now(), random: (bytes: Uint8Array) => Uint8Array = fillRandom): string {
  const bytes = random(new Uint8Array(16));
  // Ids made within one millisecond still sort in the order they were made (RFC 9562's
  // counter in rand_a): records stamped with the same time come back in creation order.
  if (now === lastMs && sequence < 0xfff) sequence += 1;
  else sequence = (((bytes[6] ?? 0) & 0x07) << 8) | (bytes[7] ?? 0);
  lastMs = now;
  bytes[6] = sequence >> 8;
  bytes[7] = sequence & 0xff;
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

/**
 * `count` new ids, in descending order, that all sort below `id` and above any id made in
 * an earlier millisecond: same timestamp and high random bits as `id`, low 62 bits drawn
 * below its own. Issues added to a reception later get these, so that among issues sharing
 * a time, id order (the tie order of every time-ordered index) stays the reception's order
 * (see buildIssues in renderer/src/db/repositories/receptions.ts). Falls back to fresh ids
 * when `id`'s low bits leave no room (probability ~2^-40).
 */
export function idsBelow(id: string, count: number, random: (bytes: Uint8Array) => Uint8Array = fillRandom): string[] {
  const hex = id.replace(/-/g, '');
  const variant = 0x8000000000000000n;
  const low = BigInt(`0x${hex.slice(16)}`) - variant;
  if (hex.length !== 32 || low < 2n ** 22n) return Array.from({ length: count }, () => newId()).sort().reverse();
  const picks = new Set<bigint>();
  while (picks.size < count) {
    const bytes = random(new Uint8Array(8));
    const r = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
    picks.add(r % low);
  }
  return [...picks]
    .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
    .map((value) => {
      const tail = (value + variant).toString(16).padStart(16, '0');
      const full = hex.slice(0, 16) + tail;
      return `${full.slice(0, 8)}-${full.slice(8, 12)}-${full.slice(12, 16)}-${full.slice(16, 20)}-${full.slice(20)}`;
    });
}
