/**
 * Where a normalized query occurs in original text. Search folds full-width letters,
 * case and whitespace (shared/domain/search.ts), so the match is found on a per-character
 * normalized copy that remembers each character's place in the original.
 */
import { normalizeForSearch } from '../../../../shared/domain/search';

export interface Segment {
  text: string;
  match: boolean;
}

export function highlightSegments(text: string, normalizedQuery: string): Segment[] {
  if (normalizedQuery === '' || text === '') return [{ text, match: false }];
  const chars = Array.from(text);
  let folded = '';
  // owner[i]: index in `chars` of the original character that produced folded[i].
  const owner: number[] = [];
  chars.forEach((ch, index) => {
    const n = normalizeForSearch(ch);
    folded += n;
    for (let k = 0; k < n.length; k++) owner.push(index);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  let any = false;
  for (let at = folded.indexOf(normalizedQuery); at !== -1; at = folded.indexOf(normalizedQuery, at + normalizedQuery.length)) {
    any = true;
    const first = owner[at]!;
    const last = owner[at + normalizedQuery.length - 1]!;
    for (let i = first; i <= last; i++) marked[i] = true;
  }
  if (!any) return [{ text, match: false }];
  const segments: Segment[] = [];
  chars.forEach((ch, i) => {
    const match = marked[i]!;
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match) prev.text += ch;
    else segments.push({ text: ch, match });
  });
  return segments;
}

export function containsQuery(text: string, normalizedQuery: string): boolean {
  return normalizedQuery !== '' && normalizeForSearch(text).includes(normalizedQuery);
}
