/**
 * Chinese substring search support. Issues carry the distinct character bigrams and
 * trigrams of their searchable text (summary, request, enterprise, visitor names) in a
 * multi-entry index; a query of three or more characters is answered by intersecting the
 * posting lists of its trigrams (far rarer than bigrams: 厂房 and 费用 are common, 厂房费
 * is not), a two-character query by its bigram's list, and the substring is confirmed on
 * the candidates.
 */

/** Fold full-width ASCII to half-width, lower-case, drop whitespace. */
export function normalizeForSearch(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0x3000 || /\s/.test(ch)) continue;
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : ch;
  }
  return out.toLowerCase();
}

/** Distinct bigrams of the normalized text; a 1-character text yields nothing. */
export function bigrams(normalized: string): string[] {
  const chars = Array.from(normalized);
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
  return [...set];
}

/** Distinct trigrams of the normalized text; shorter texts yield nothing. */
export function trigrams(normalized: string): string[] {
  const chars = Array.from(normalized);
  const set = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i++) set.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  return [...set];
}

/**
 * The lists a query reads: from three characters on, trigrams that together cover every
 * character (at 0, 3, 6, … and the last three), else its bigram. A trigram overlapping
 * two covering ones adds a list to read but says little more, and every candidate is
 * confirmed on its text anyway.
 */
export function queryGrams(normalized: string): string[] {
  const chars = Array.from(normalized);
  if (chars.length < 3) return bigrams(normalized);
  const starts: number[] = [];
  for (let i = 0; i + 3 < chars.length; i += 3) starts.push(i);
  starts.push(chars.length - 3);
  return [...new Set(starts.map((i) => chars.slice(i, i + 3).join('')))];
}

/** Separator that never occurs in typed text, so no bigram spans two fields. */
const FIELD_SEPARATOR = '\u0000';

export interface SearchableIssueText {
  summary: string;
  request: string;
  enterprises: readonly string[];
  visitorNames: readonly string[];
}

export function searchText(t: SearchableIssueText): string {
  return [t.summary, t.request, ...t.enterprises, ...t.visitorNames].map(normalizeForSearch).join(FIELD_SEPARATOR);
}

export function searchGrams(t: SearchableIssueText): string[] {
  return gramsOfSearchText(searchText(t), bigrams);
}

/** Trigrams of each field of a stored search text (fields apart, so none spans two). */
export function searchTrigrams(text: string): string[] {
  return gramsOfSearchText(text, trigrams);
}

/** Every key an issue is found by: its bigrams, then its trigrams. */
export function searchKeys(t: SearchableIssueText): string[] {
  return searchKeysOfText(searchText(t));
}

/** searchKeys of an issue from its stored search text (`searchText`'s output). */
export function searchKeysOfText(text: string): string[] {
  return [...gramsOfSearchText(text, bigrams), ...gramsOfSearchText(text, trigrams)];
}

function gramsOfSearchText(text: string, grams: (field: string) => string[]): string[] {
  const set = new Set<string>();
  for (const field of text.split(FIELD_SEPARATOR)) for (const g of grams(field)) set.add(g);
  return [...set];
}

export function matchesQuery(text: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || text.includes(normalizedQuery);
}
