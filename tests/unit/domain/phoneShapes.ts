/**
 * Seeded generators of phone numbers in the shapes people type or write them, shared by
 * the phone and masking property tests. Seeded so a failure reproduces: the seed and the
 * generated text appear in the assertion message.
 */

import { int, pick, type Rand } from '../../fixtures/random';

export { int, pick, rng, type Rand } from '../../fixtures/random';

const digits = (r: Rand, n: number, first = '0123456789'): string =>
  pick(r, [...first]) + Array.from({ length: n - 1 }, () => String(int(r, 0, 9))).join('');

export interface PhoneNumber {
  /** The normalised form the phone field stores. */
  stored: string;
  /** Digit groups as people split them when writing. */
  groups: string[];
  kind: 'mobile' | 'landline';
}

export function mobile(r: Rand): PhoneNumber {
  const d = `1${pick(r, [...'3456789'])}${digits(r, 9)}`;
  const groups = pick(r, [[d], [d.slice(0, 3), d.slice(3, 7), d.slice(7)], [d.slice(0, 3), d.slice(3, 6), d.slice(6)]]);
  return { stored: d, groups, kind: 'mobile' };
}

export function landline(r: Rand): PhoneNumber {
  const area = pick(r, ['010', '021', '027', '0791', '0797', '0571', '0898']);
  const local = digits(r, area.length === 3 ? 8 : pick(r, [7, 8]), '23456789');
  const groups = pick(r, [[area, local], [area, local.slice(0, 4), local.slice(4)]]);
  return { stored: `${area}-${local}`, groups, kind: 'landline' };
}

/** Separators people put between groups, as typed or written. */
export const SEPARATORS = ['', ' ', '  ', '-', ' - ', '/', ' / ', '.', '_', '\u3000', '\uFF0D', '\u2014', '\uFF0F'] as const;
export const PREFIXES = ['', '+86 ', '+86', '0086 ', '0086-', '\uFF0B86 ', '(+86) '] as const;

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const CHINESE = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const CHINESE_ALT: Record<string, string[]> = { '0': ['〇', '零'], '1': ['一', '幺', '壹'], '2': ['二', '贰', '两'], '7': ['七'] };

export type DigitStyle = 'ascii' | 'fullWidth' | 'mixedWidth' | 'chinese';

export function renderDigits(r: Rand, text: string, style: DigitStyle): string {
  return [...text]
    .map((c) => {
      if (!/\d/.test(c)) return c;
      const full = String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET);
      if (style === 'fullWidth') return full;
      if (style === 'mixedWidth') return r() < 0.5 ? full : c;
      if (style === 'chinese') return r() < 0.3 && CHINESE_ALT[c] ? pick(r, CHINESE_ALT[c]) : CHINESE[Number(c)]!;
      return c;
    })
    .join('');
}

/** A number written in one of the shapes people use; the country prefix drops a landline's trunk 0. */
export function writePhone(r: Rand, phone: PhoneNumber, style: DigitStyle, opts: { parentheses?: boolean } = {}): string {
  const prefix = pick(r, PREFIXES);
  const groups = [...phone.groups];
  if (prefix !== '' && phone.kind === 'landline' && r() < 0.5) groups[0] = groups[0]!.slice(1);
  const sep = pick(r, SEPARATORS);
  let body = groups.join(sep);
  if (opts.parentheses && phone.kind === 'landline' && prefix === '') {
    body = `(${groups[0]})${pick(r, ['', ' '])}${groups.slice(1).join(sep)}`;
  }
  return renderDigits(r, prefix + body, style);
}
