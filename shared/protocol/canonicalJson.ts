/**
 * Canonical JSON: the one string both sides hash to get an item's contentHash
 * (sha-256, lowercase hex, of the UTF-8 bytes of this string).
 *
 * Rules (a subset of RFC 8785 that is exact for the values the protocol carries):
 * - object keys sorted by UTF-16 code units (JavaScript's default sort), no whitespace;
 * - object members whose value is `undefined` are left out, as JSON.stringify does;
 * - strings and numbers are written by JSON.stringify, which both sides share;
 * - non-finite numbers, bigint, functions, symbols and `undefined` outside an object throw,
 *   because they have no JSON form and silently changing them would change the hash.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${path}[${i}]`))).join(',')}]`;
      }
      return writeObject(value as Record<string, unknown>, path);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} has no JSON form at ${path}`);
  }
}

function writeObject(obj: Record<string, unknown>, path: string): string {
  const proto = Object.getPrototypeOf(obj) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: only plain objects are allowed at ${path}`);
  }
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort()) {
    const v = obj[key];
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(v, `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}

/** Lowercase hex of a digest, e.g. from crypto.subtle.digest('SHA-256', …). */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/**
 * Byte length of a string in UTF-8, for packing batches under CLIENT_BATCH_MAX_BYTES
 * without depending on TextEncoder (shared/ has no DOM or Node typings).
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
