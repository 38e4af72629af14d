/**
 * Producing and checking PDFs of the print route, with poppler-utils: page size and
 * count (pdfinfo), embedded fonts (pdffonts), text per page (pdftotext) and ink per
 * page (pdftoppm to greyscale PGM, counting non-white pixels).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export interface PdfFile {
  path: string;
  dir: string;
}

/** Waits for the sheets to be laid out (fonts loaded), then prints to a temp PDF. */
export async function printRouteToPdf(page: Page, route: string): Promise<{ pdf: PdfFile; previewPages: number }> {
  await page.goto(`/#${route}`);
  const root = page.locator('.print-root[data-print-ready="true"]');
  await expect(root).toBeVisible({ timeout: 30_000 });
  const previewPages = Number(await root.getAttribute('data-pages'));
  await page.emulateMedia({ media: 'print' });
  const buffer = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const dir = mkdtempSync(join(tmpdir(), 'station-print-'));
  const path = join(dir, 'form.pdf');
  writeFileSync(path, buffer);
  return { pdf: { path, dir }, previewPages };
}

export function pdfInfo(pdf: PdfFile): { pages: number; width: number; height: number } {
  const out = execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(out);
  return { pages, width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2])) };
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

export function pdfFonts(pdf: PdfFile): PdfFont[] {
  const lines = execFileSync('pdffonts', [pdf.path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  // Columns: name type encoding emb sub uni object ID; the name has no spaces.
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const emb = cols[cols.length - 5];
    return { name: cols[0] ?? '', embedded: emb === 'yes' };
  });
}

/**
 * Text of one page (1-based) or of the whole document. 'layout' keeps columns in place
 * (row numbers start lines); 'flow' keeps each cell's text together, whitespace removed.
 */
export function pdfText(pdf: PdfFile, page?: number, mode: 'layout' | 'flow' = 'layout'): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const args = mode === 'layout' ? ['-layout', ...range] : range;
  const text = execFileSync('pdftotext', [...args, pdf.path, '-'], { encoding: 'utf8' });
  return mode === 'flow' ? text.replace(/\s+/g, '') : text;
}

/** Non-white pixels per page at 50 dpi (greyscale, value < 200 of 255). */
export function inkPerPage(pdf: PdfFile): number[] {
  execFileSync('pdftoppm', ['-r', '50', '-gray', pdf.path, join(pdf.dir, 'ink')]);
  const files = readdirSync(pdf.dir)
    .filter((f) => f.startsWith('ink') && f.endsWith('.pgm'))
    .sort();
  return files.map((f) => countDark(readFileSync(join(pdf.dir, f))));
}

/** Binary PGM (P5): header "P5 w h max" then one byte per pixel. */
function countDark(pgm: Buffer): number {
  let pos = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[pos]!))) pos++;
    if (pgm[pos] === 0x23) {
      while (pgm[pos] !== 0x0a) pos++;
      continue;
    }
    let tok = '';
    while (!/\s/.test(String.fromCharCode(pgm[pos]!))) tok += String.fromCharCode(pgm[pos++]!);
    fields.push(tok);
  }
  pos++;
  if (fields[0] !== 'P5') throw new Error(`Not a binary PGM: ${fields[0]}`);
  let dark = 0;
  for (let i = pos; i < pgm.length; i++) if (pgm[i]! < 200) dark++;
  return dark;
}

/** Renders pages to PNG next to the PDF for a person to look at; returns the paths. */
export function renderPng(pdf: PdfFile, prefix: string, dpi = 60): string[] {
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf.path, join(pdf.dir, prefix)]);
  return readdirSync(pdf.dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.png'))
    .sort()
    .map((f) => join(pdf.dir, f));
}
