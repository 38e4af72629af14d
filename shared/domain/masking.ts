/**
 * Masking of personal data for what is posted in public (公示清单), and the short
 * reference code a visitor quotes to find their issue on the wall.
 *
 * Rules (DESIGN.md section 2: posted lists never show a phone number or a full name):
 * - a name keeps its surname only, followed by a single '*' whatever its length
 *   (张三 → 张*, 张立强 → 张*, 欧阳娜娜 → 欧阳*), so not even the name's length leaks;
 * - free text (summary, request, answer) loses every run of 7 or more digits, which
 *   covers mobiles, landlines with area code, ID-card and bank numbers however they
 *   are spaced or written in full-width digits;
 * - free text also loses every full name of the reception's visitors, replaced by its mask.
 * Pure functions: no DOM, no storage.
 */

const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '申屠', '太史', '澹台', '钟离', '闻人', '呼延',
];

/** 张立强 → 张*; a one-character or unreadable name becomes '*'; '' stays ''. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  const head = chars.slice(0, 2).join('');
  if (chars.length > 2 && COMPOUND_SURNAMES.includes(head)) return `${head}*`;
  return `${chars[0]}*`;
}

/** What replaces a hidden number in posted text. */
export const HIDDEN_NUMBER = '[号码已隐去]';

/**
 * Digits (ASCII or full-width), possibly separated by spaces, dashes or dots, counted
 * as one number when there are at least 7 digits in the run.
 */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const SEP = '[\\s\\-\\u2010-\\u2015\\uFF0D.]?';
const LONG_NUMBER = new RegExp(`\\+?${DIGIT}(?:${SEP}${DIGIT}){6,}`, 'g');

/** Removes every phone-like number (7+ digits in a run) from free text. */
export function scrubNumbers(text: string): string {
  return text.replace(LONG_NUMBER, HIDDEN_NUMBER);
}

/** Replaces each full name (2+ characters) occurring in the text by its mask. */
export function scrubNames(text: string, names: readonly string[]): string {
  const distinct = [...new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))];
  // Longest first, so 欧阳娜娜 is masked before a shorter name inside it.
  distinct.sort((a, b) => b.length - a.length);
  let out = text;
  for (const name of distinct) out = out.split(name).join(maskName(name));
  return out;
}

/** Free text made safe for the public notice: no long numbers, no visitor's full name. */
export function maskForNotice(text: string, visitorNames: readonly string[]): string {
  return scrubNames(scrubNumbers(text), visitorNames);
}

/**
 * Short reference code of an issue (查询码): 6 characters of Crockford base32
 * (0-9 and A-Z without I, L, O, U), i.e. the low 30 bits of the 53-bit cyrb53 hash
 * of the issue id. Stable: the same id always gives the same code, on every PC.
 * About one collision is expected per ~33,000 issues of one station, so a lookup by
 * code lists every match rather than assuming one.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REF_CODE_LENGTH = 6;

export function issueRefCode(issueId: string): string {
  let h = hash53(issueId) % 2 ** 30;
  let code = '';
  for (let i = 0; i < REF_CODE_LENGTH; i++) {
    code = CROCKFORD[h % 32]! + code;
    h = Math.floor(h / 32);
  }
  return code;
}

/** Reads a code as a visitor might type it: case, spaces and dashes ignored, O→0, I/L→1. */
export function normalizeRefCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash with good spread. */
function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
