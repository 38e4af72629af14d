/**
 * Masking of personal data for what is posted in public (公示清单), and the short
 * reference code a visitor quotes to find their issue on the wall.
 *
 * The rule set, with examples, is documented in docs/masking.md; in short
 * (DESIGN.md section 2: posted lists never show a phone number or a full name):
 * - a name keeps its surname only, followed by a single '*' whatever its length
 *   (张三 → 张*, 张立强 → 张*, 欧阳娜娜 → 欧阳*), so not even the name's length leaks;
 * - free text loses every e-mail address and every WeChat id written after a WeChat
 *   label (微信, 微信号, vx, wx, WeChat…);
 * - free text loses every number of 7 or more digits however it is written: ASCII,
 *   full-width or Chinese numerals (一三八…, 〇, 幺, 两, 壹贰叁…), with a +86 / ＋86
 *   prefix, groups separated by spaces (one or several), dashes (spaced or not),
 *   slashes, dots, underscores or parentheses: mobiles, landlines, ID-card, bank and QQ
 *   numbers. Dates written 2026-03-01 / 2026/3/1 / 2026.03.01 are kept;
 * - free text also loses every full name of any known visitor (the caller passes the
 *   names of every reception, not only the issue's own), replaced by its mask.
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
/** What replaces a hidden e-mail address. */
export const HIDDEN_EMAIL = '[邮箱已隐去]';
/** What replaces a hidden WeChat id (the label before it stays). */
export const HIDDEN_WECHAT = '[微信号已隐去]';

/** A digit as people write one: ASCII, full-width, or a Chinese numeral read digit by digit. */
const DIGIT = '[0-9\\uFF10-\\uFF19〇零一二三四五六七八九幺两壹贰叁肆伍陆柒捌玖]';
/**
 * What may stand between two digits of one number: up to four of spaces (also the
 * ideographic one), dashes of any width, slashes, dots, underscores, parentheses.
 */
const SEP = '[\\s\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D/\\uFF0F.\\uFF0E_\\uFF3F()\\uFF08\\uFF09]{0,4}';
/** An opening parenthesis may wrap an area code or a prefix: (0791) 8654 3210, (+86) 138… */
const LONG_NUMBER = new RegExp(`(?:[(\\uFF08]\\s*)?(?:[+\\uFF0B]\\s*)?${DIGIT}(?:${SEP}${DIGIT}){6,}`, 'g');
const OPENING = /^[(\uFF08]\s*/;
/** A calendar date (year 1900–2099), which is 8 digits but no personal data. */
const DATE = /^(19|20)\d{2}([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])$/;

/** Latin letters and digits, ASCII or full-width (an IME may type either). */
const ALNUM = 'A-Za-z0-9\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
const EMAIL = new RegExp(`[${ALNUM}._%+\\-\\uFF0E\\uFF3F]+\\s*[@\\uFF20]\\s*[${ALNUM}\\-]+(?:[.\\uFF0E][${ALNUM}\\-]+)+`, 'g');
/**
 * A WeChat label, optional 号/账号/ID and 是/为/:, then the id (letters, digits, _ and -,
 * 4 to 30 characters; WeChat's own rule is 6–20 starting with a letter, the margin catches
 * typos). The label must not be the end of a longer Latin word (box, wxyz…).
 */
const WECHAT = /((?<![A-Za-z])(?:微信|威信|薇信|[vV]信|vx|VX|Vx|vX|wx|WX|Wx|wechat|WeChat|Wechat|WECHAT|weixin|Weixin)\s*(?:号码|账号|号|ID|id|Id)?\s*(?:[:：=]|是|为)?\s*)([A-Za-z0-9_][A-Za-z0-9_-]{3,29})/g;

/** Removes every phone-like number (7+ digits in a run, however written) from free text. */
export function scrubNumbers(text: string): string {
  return text.replace(LONG_NUMBER, (found) => {
    const opening = OPENING.exec(found)?.[0] ?? '';
    if (DATE.test(found.slice(opening.length))) return found;
    // A parenthesis closed inside the number goes with it; one wrapping the whole number stays: (13807961234) → ([号码已隐去])
    return opening !== '' && !/[)\uFF09]/.test(found) ? `${opening}${HIDDEN_NUMBER}` : HIDDEN_NUMBER;
  });
}

/** Removes e-mail addresses and WeChat ids (after a WeChat label) from free text. */
export function scrubContacts(text: string): string {
  return text.replace(EMAIL, HIDDEN_EMAIL).replace(WECHAT, (_all, label: string) => `${label}${HIDDEN_WECHAT}`);
}

/** Replaces each full name (2+ characters) occurring in the text by its mask. */
export function scrubNames(text: string, names: readonly string[]): string {
  return nameScrubber(names)(text);
}

/**
 * A scrubber for many names (every visitor the station ever received): one pass over the
 * text, trying the longest name first at each position, so 欧阳娜娜 is masked before a
 * shorter name inside it and the cost does not grow with the number of names.
 */
export function nameScrubber(names: readonly string[]): (text: string) => string {
  const known = new Set(names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2));
  if (known.size === 0) return (text) => text;
  const lengths = [...new Set([...known].map((n) => n.length))].sort((a, b) => b - a);
  return (text) => {
    let out = '';
    let at = 0;
    while (at < text.length) {
      const name = lengths.map((len) => text.slice(at, at + len)).find((candidate) => known.has(candidate));
      if (name) {
        out += maskName(name);
        at += name.length;
      } else {
        out += text[at];
        at += 1;
      }
    }
    return out;
  };
}

/** Free text made safe for the public notice: no contact, no long number, no known visitor's full name. */
export function maskForNotice(text: string, visitorNames: readonly string[] | ((text: string) => string)): string {
  const names = typeof visitorNames === 'function' ? visitorNames : nameScrubber(visitorNames);
  return names(scrubNumbers(scrubContacts(text)));
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
