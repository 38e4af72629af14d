/**
 * The fonts the 督察结果 prints with: the very Noto Serif SC / Noto Sans SC files the
 * station's forms bundle (SIL OFL 1.1, see docs/fonts.md), so a report prints the same
 * glyphs on every PC. As on the station, each woff2 chunk is registered with the Font
 * Loading API under a family name of its own (the interface's 'Noto Sans SC' is left
 * alone), and before printing exactly the characters on the page are loaded.
 */
import sansRanges from '@fontsource/noto-sans-sc/unicode.json';
import serifRanges from '@fontsource/noto-serif-sc/unicode.json';

export const PRINT_SERIF = 'County Print Serif';
export const PRINT_SANS = 'County Print Sans';

type Urls = Record<string, string>;
// Vite reads the glob options statically, so they are written out in each call.
const serif400: Urls = import.meta.glob('../../../../node_modules/@fontsource/noto-serif-sc/files/*-400-normal.woff2', { query: '?url', import: 'default', eager: true });
const serif700: Urls = import.meta.glob('../../../../node_modules/@fontsource/noto-serif-sc/files/*-700-normal.woff2', { query: '?url', import: 'default', eager: true });
const sans700: Urls = import.meta.glob('../../../../node_modules/@fontsource/noto-sans-sc/files/*-700-normal.woff2', { query: '?url', import: 'default', eager: true });

interface FaceSet {
  family: string;
  weight: '400' | '700';
  urls: Urls;
  ranges: Record<string, string>;
  prefix: string;
}

const SETS: FaceSet[] = [
  { family: PRINT_SERIF, weight: '400', urls: serif400, ranges: serifRanges, prefix: 'noto-serif-sc' },
  { family: PRINT_SERIF, weight: '700', urls: serif700, ranges: serifRanges, prefix: 'noto-serif-sc' },
  { family: PRINT_SANS, weight: '700', urls: sans700, ranges: sansRanges, prefix: 'noto-sans-sc' },
];

function facesOf(set: FaceSet): FontFace[] {
  const byFile = new Map(Object.entries(set.urls).map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]));
  return Object.entries(set.ranges).flatMap(([subset, range]) => {
    const name = subset.replace(/^\[(\d+)\]$/, '$1');
    const url = byFile.get(`${set.prefix}-${name}-${set.weight}-normal.woff2`);
    if (!url) return [];
    return [new FontFace(set.family, `url(${JSON.stringify(url)}) format('woff2')`, { weight: set.weight, style: 'normal', unicodeRange: range, display: 'block' })];
  });
}

let registered = false;

function registerPrintFonts(): void {
  if (registered) return;
  registered = true;
  for (const set of SETS) {
    const faces = facesOf(set);
    if (faces.length === 0) throw new Error(`No font files bundled for ${set.family} ${set.weight}`);
    for (const face of faces) document.fonts.add(face);
  }
}

const FACES = [`400 16px "${PRINT_SERIF}"`, `700 16px "${PRINT_SERIF}"`, `700 16px "${PRINT_SANS}"`];

/** Resolves when every glyph of `text` is loaded in every face the print uses. */
export async function loadPrintFonts(text: string): Promise<void> {
  registerPrintFonts();
  const distinct = [...new Set(Array.from(text))].join('');
  await Promise.all(FACES.map((face) => document.fonts.load(face, distinct || ' ')));
  await document.fonts.ready;
}
