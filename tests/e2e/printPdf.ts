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
  return previewToPdf(page);
}

/** Prints the preview on screen (reached by clicking) to a temp PDF, once its sheets are laid out. */
export async function previewToPdf(page: Page): Promise<{ pdf: PdfFile; previewPages: number }> {
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

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word with its box in points (pdftotext -bbox), pages 1-based. */
export function pdfWords(pdf: PdfFile): PdfWord[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf.path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const words: PdfWord[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: unescapeXml(m[5]!) });
  }
  return words;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/**
 * Dark pixels outside the printable area of each page (margins in mm, top/right/bottom/left),
 * rendered at 72 dpi so one pixel is one point.
 */
export function inkOutside(pdf: PdfFile, margins: [number, number, number, number]): number[] {
  const prefix = `edge${Date.now()}`;
  execFileSync('pdftoppm', ['-r', '72', '-gray', pdf.path, join(pdf.dir, prefix)]);
  const files = readdirSync(pdf.dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.pgm'))
    .sort();
  const pt = (mm: number) => (mm * 72) / 25.4;
  return files.map((f) => {
    const { width, height, pixels } = readPgm(readFileSync(join(pdf.dir, f)));
    const [top, right, bottom, left] = margins.map(pt) as [number, number, number, number];
    let dark = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const inside = x >= left - 1 && x < width - right + 1 && y >= top - 1 && y < height - bottom + 1;
        if (!inside && pixels[y * width + x]! < 200) dark++;
      }
    }
    return dark;
  });
}

function readPgm(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const header = pgm.subarray(0, 64).toString('latin1');
  const m = /^P5\s+(?:#.*\s+)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(header);
  if (!m) throw new Error('Not a binary PGM');
  return { width: Number(m[1]), height: Number(m[2]), pixels: pgm.subarray(m[0].length) };
}
