/**
 * Chinese substring search support. Issues carry the distinct character bigrams of
 * their searchable text (summary, request, enterprise, visitor names) in a multi-entry
 * index; a query of two or more characters is answered by intersecting the posting
 * lists of its bigrams and then confirming the substring on the candidates.
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
  const grams = new Set<string>();
  for (const field of searchText(t).split(FIELD_SEPARATOR)) for (const g of bigrams(field)) grams.add(g);
  return [...grams];
}

export function matchesQuery(text: string, normalizedQuery: string): boolean {
  return normalizedQuery === '' || text.includes(normalizedQuery);
}
