/**
 * Fonts bundled with the app so that every station PC prints the same glyphs
 * (SIL OFL 1.1, see docs/fonts.md). Imported by the print route only, so other screens
 * never download them. Fontsource splits the CJK fonts into unicode-range chunks that
 * the browser fetches on first use: before measuring or printing we ask for exactly
 * the characters on the form, or a chunk could still be missing when the page prints.
 */
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
import '@fontsource/noto-sans-sc/700.css';

const FACES = ['400 16px "Noto Serif SC"', '700 16px "Noto Serif SC"', '700 16px "Noto Sans SC"'];

/** Resolves when every glyph of `text` is loaded in every face the forms use. */
export async function loadFontsFor(text: string): Promise<void> {
  const distinct = [...new Set(Array.from(text))].join('');
  await Promise.all(FACES.map((face) => document.fonts.load(face, distinct || ' ')));
  await document.fonts.ready;
}
