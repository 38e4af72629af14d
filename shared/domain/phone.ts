/**
 * Reading a phone number the way people type it, and storing it in one shape.
 *
 * Accepted: full-width digits and signs from a Chinese IME (NFKC folds them to ASCII),
 * a +86 / 0086 country prefix, and spaces, dashes, slashes, dots, underscores or
 * parentheses between groups. Stored:
 * - a mobile as its 11 digits: 13807961234;
 * - a landline as area code, dash, number: 0791-86543210 (010 and 02x have 3-digit
 *   area codes, the rest 4), and an extension after a dash: 0791-86543210-123.
 * A number given in international form (+86 791 8654 3210) gets its trunk 0 back.
 * What is still not a phone number gets a Chinese message saying what to type.
 * Pure functions: no DOM, no storage.
 */

export type PhoneResult = { ok: true; value: string } | { ok: false; error: string };

export const PHONE_MESSAGES = {
  badCharacters: '电话号码只能填写数字，可带 +86、空格、-、/、. 或括号分隔',
  foreign: '只能填写中国大陆的电话号码（国家代码 +86）',
  noAreaCode: '固定电话请加区号，如 0791-86543210',
  wrongLength: '电话号码位数不对：手机号为 11 位（如 138 0796 1234），固话为区号加 7~8 位号码（如 0791-86543210）',
} as const;

/** Separators people put between digit groups (after NFKC, so full-width ones are ASCII already). */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30FC/._()]/g;
const ALLOWED = /^\+?[\d\s\-\u2010-\u2015\u2212\u30FC/._()]+$/;
/** An extension spelled out at the end: 转123, 分机 123, ext. 123, x123, #123. */
const SPELLED_EXTENSION = /^(.*?\d)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
/** An extension after a separator: 0791-86543210-123. */
const TRAILING_GROUP = /^(.*?\d)[\s\-\u2010-\u2015\u2212/]+(\d{1,6})$/;

const MOBILE = /^1[3-9]\d{9}$/;

/** Normalises what was typed; '' (or only spaces) stays ''. */
export function normalizePhone(raw: string): PhoneResult {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return { ok: true, value: '' };
  const spelled = SPELLED_EXTENSION.exec(text);
  if (spelled) return withExtension(spelled[1]!, spelled[2]!);
  const plain = readNumber(text);
  if (plain.ok) return plain;
  // 0791-86543210-123: the last group is an extension when the rest is a landline.
  const trailing = TRAILING_GROUP.exec(text);
  if (trailing) {
    const landline = withExtension(trailing[1]!, trailing[2]!);
    if (landline.ok) return landline;
  }
  return plain;
}

function withExtension(head: string, extension: string): PhoneResult {
  const main = readNumber(head);
  if (!main.ok) return main;
  if (MOBILE.test(main.value)) return { ok: false, error: PHONE_MESSAGES.wrongLength };
  return { ok: true, value: `${main.value}-${extension}` };
}

function readNumber(text: string): PhoneResult {
  // A leading '(' may wrap the prefix or the area code: (+86) 138…, (0791) 8654…
  const body = text.replace(/^\(\s*\+/, '+');
  if (!ALLOWED.test(body)) return { ok: false, error: PHONE_MESSAGES.badCharacters };
  let digits = body.replace(SEPARATORS, '');
  let international = false;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+86')) return { ok: false, error: PHONE_MESSAGES.foreign };
    digits = digits.slice(3);
    international = true;
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    international = true;
  } else if (digits.length === 13 && digits.startsWith('861')) {
    // 86 13807961234: the country code typed without + or 00.
    digits = digits.slice(2);
    international = true;
  }
  if (/\D/.test(digits)) return { ok: false, error: PHONE_MESSAGES.badCharacters };
  // International form drops the trunk 0 of a landline: +86 791 … is 0791 …
  if (international && /^(10|[2-9])/.test(digits)) digits = `0${digits}`;
  if (MOBILE.test(digits)) return { ok: true, value: digits };
  if (digits.startsWith('0')) {
    const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
    const local = digits.slice(areaLength);
    if (/^[1-9]\d{6,7}$/.test(local)) return { ok: true, value: `${digits.slice(0, areaLength)}-${local}` };
    return { ok: false, error: PHONE_MESSAGES.wrongLength };
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) return { ok: false, error: PHONE_MESSAGES.noAreaCode };
  return { ok: false, error: PHONE_MESSAGES.wrongLength };
}
