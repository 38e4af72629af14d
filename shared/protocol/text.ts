/**
 * What text may travel in a pushed item. JSON can carry any UTF-16 code unit, but the
 * county stores payloads as PostgreSQL text and jsonb, which refuse U+0000 and unpaired
 * surrogates; other control characters are invisible on screen and on paper, and only
 * arrive through pasted text. So the protocol allows none of them:
 *
 * - no control character of Unicode category Cc (U+0000–U+001F, U+007F–U+009F) except
 *   TAB, LF and CR;
 * - no unpaired surrogate (a high surrogate not followed by a low one, or a low one alone).
 *
 * The station removes them when text is entered and again when a list is packed for
 * sending; the county rejects an item that still carries one (`invalidText`).
 */

/** Control characters the protocol refuses, and any surrogate (pairs are checked apart). */
// eslint-disable-next-line no-control-regex -- control characters are what this module is about
const SUSPECT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]/;

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when the UTF-16 unit at `i` is refused (an unpaired surrogate or a refused control). */
function refusedAt(s: string, i: number): boolean {
  const unit = s.charCodeAt(i);
  if (isHigh(unit)) return !(i + 1 < s.length && isLow(s.charCodeAt(i + 1)));
  if (isLow(unit)) return !(i > 0 && isHigh(s.charCodeAt(i - 1)));
  if (unit < 0x20) return unit !== 0x09 && unit !== 0x0a && unit !== 0x0d;
  return unit >= 0x7f && unit <= 0x9f;
}

/** Index of the first refused UTF-16 unit in `s`, or -1 when the text is clean. */
export function unsafeTextIndex(s: string): number {
  if (!SUSPECT.test(s)) return -1;
  for (let i = 0; i < s.length; i += 1) if (refusedAt(s, i)) return i;
  return -1;
}

/** The text with every refused unit removed (a pasted NUL or a broken emoji half just goes). */
export function sanitizeText(s: string): string {
  if (!SUSPECT.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i += 1) if (!refusedAt(s, i)) out += s[i];
  return out;
}

/** Where refused text was found: the JSON path (keys and indexes) and the unit's code. */
export interface UnsafeText {
  path: (string | number)[];
  /** 'U+0000', 'U+D800', …; never the surrounding text, which may be a phone number. */
  codePoint: string;
}

/** The first string (value or key) in a JSON value holding a refused unit, or null. */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): UnsafeText | null {
  if (typeof value === 'string') {
    const i = unsafeTextIndex(value);
    return i === -1 ? null : { path, codePoint: `U+${value.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}` };
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findUnsafeText(v, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const inKey = findUnsafeText(k, [...path, '(key)']);
      if (inKey) return inKey;
      const found = findUnsafeText(v, [...path, k]);
      if (found) return found;
    }
  }
  return null;
}

/** A copy of a JSON value with every string sanitized; the same value when nothing changes. */
export function sanitizeJson<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (findUnsafeText(value) === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => sanitizeJson(v)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [sanitizeText(k), sanitizeJson(v as unknown)])) as T;
  }
  return value;
}
