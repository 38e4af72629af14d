/**
 * Fonts bundled with the app so that every station PC prints the same glyphs
 * (SIL OFL 1.1, see docs/fonts.md). Loaded by the print preview only.
 *
 * They are registered under names of their own ('Station Print Serif', 'Station Print
 * Sans'), never under 'Noto Sans SC': the interface asks for that family first, and a
 * bundled bold-only 'Noto Sans SC' would turn every piece of the app's text bold once a
 * preview had been opened. So fontsource's CSS is not imported; its woff2 chunks and
 * unicode ranges are registered here with the Font Loading API. Each chunk still loads
 * only when a form uses one of its characters: before measuring or printing we ask for
 * exactly the characters on the form, or a chunk could still be missing when the page prints.
 */
import sansRanges from '@fontsource/noto-sans-sc/unicode.json';
import serifRanges from '@fontsource/noto-serif-sc/unicode.json';

export const PRINT_SERIF = 'Station Print Serif';
export const PRINT_SANS = 'Station Print Sans';

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

/** One FontFace per unicode-range chunk, as fontsource's CSS would declare them. */
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

/** Adds the print faces to the document once. */
export function registerPrintFonts(): void {
  if (registered) return;
  registered = true;
  for (const set of SETS) {
    const faces = facesOf(set);
    if (faces.length === 0) throw new Error(`No font files bundled for ${set.family} ${set.weight}`);
    for (const face of faces) document.fonts.add(face);
  }
}

const FACES = [`400 16px "${PRINT_SERIF}"`, `700 16px "${PRINT_SERIF}"`, `700 16px "${PRINT_SANS}"`];

/**
 * A print font file could not be fetched: in the browser flavour, offline, a file the page
 * had not fetched yet (the desktop app reads them from its own files).
 */
export class PrintFontsUnavailableError extends Error {
  override name = 'PrintFontsUnavailableError';
}

/** Resolves when every glyph of `text` is loaded in every face the forms use. */
export async function loadFontsFor(text: string): Promise<void> {
  registerPrintFonts();
  const distinct = [...new Set(Array.from(text))].join('');
  try {
    await Promise.all(FACES.map((face) => document.fonts.load(face, distinct || ' ')));
  } catch (cause) {
    throw new PrintFontsUnavailableError(`A print font could not be loaded: ${String(cause)}`, { cause });
  }
  await document.fonts.ready;
}
