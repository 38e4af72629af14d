/**
 * A 台账 as an Excel workbook (exceljs): per sheet a merged title row naming the station,
 * the period under it, Chinese headers frozen under them and repeated on every printed
 * page, widths that fit the text (a CJK character counts two, long texts wrap), dates as
 * dates, A4 landscape fitted to one page wide, and 第 x 页 in the footer.
 * Styles are set per column, not per cell: a year's 问题台账 has a million cells.
 */
import ExcelJS from 'exceljs';
import type { CellValue, ColumnKind, LedgerSheet, LedgerSpec } from './ledgerSpec';

export const TITLE_ROW = 1;
export const SUBTITLE_ROW = 2;
export const HEADER_ROW = 3;

const FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, longText: undefined, int: '0', decimal: '0.0', date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };
const FIXED_WIDTH: Partial<Record<ColumnKind, number>> = { date: 12, datetime: 17 };
const MAX_WIDTH: Record<ColumnKind, number> = { text: 24, longText: 48, int: 10, decimal: 10, date: 12, datetime: 17 };
const MIN_WIDTH = 6;
/** Rows measured for widths: enough to see the long ones, few enough to stay quick. */
const WIDTH_SAMPLE = 5000;

const thin = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/** Width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

function widthOf(kind: ColumnKind, header: string, rows: readonly CellValue[][], index: number): number {
  const fixed = FIXED_WIDTH[kind];
  const headerWidth = displayWidth(header) + 2;
  if (fixed) return Math.max(fixed, headerWidth);
  let widest = headerWidth;
  const step = Math.max(1, Math.ceil(rows.length / WIDTH_SAMPLE));
  for (let r = 0; r < rows.length; r += step) {
    const v = rows[r]![index];
    if (v !== null && v !== undefined) widest = Math.max(widest, displayWidth(String(v)) + 2);
  }
  return Math.min(Math.max(widest, MIN_WIDTH), Math.max(MAX_WIDTH[kind], headerWidth));
}

export type Progress = (done: number, total: number) => void;

/** Builds the workbook; `onProgress` hears every few thousand rows (and may throw to stop). */
export async function buildWorkbook(spec: LedgerSpec, onProgress: Progress = () => undefined): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.creator;
  wb.created = new Date();
  const total = spec.sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  for (const sheet of spec.sheets) {
    const ws = addSheet(wb, sheet);
    for (let start = 0; start < sheet.rows.length; start += 2000) {
      ws.addRows(sheet.rows.slice(start, start + 2000));
      done += Math.min(2000, sheet.rows.length - start);
      onProgress(done, total);
      // Let the worker hear a cancel between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  return wb;
}

export async function workbookBytes(spec: LedgerSpec, onProgress?: Progress): Promise<ArrayBuffer> {
  const wb = await buildWorkbook(spec, onProgress);
  const buffer = await wb.xlsx.writeBuffer();
  // A copy: Node hands back a slice of a shared pool, the browser build a Uint8Array.
  return new Uint8Array(buffer).buffer;
}

function addSheet(wb: ExcelJS.Workbook, sheet: LedgerSheet): ExcelJS.Worksheet {
  const lastCol = Math.max(1, sheet.columns.length);
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页', evenFooter: '第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
  });
  ws.columns = sheet.columns.map((c, i) => ({
    width: widthOf(c.kind, c.header, sheet.rows, i),
    style: {
      font: { name: '宋体', size: 10 },
      alignment: { vertical: 'top', horizontal: c.kind === 'int' || c.kind === 'decimal' ? 'right' : c.kind === 'date' || c.kind === 'datetime' ? 'center' : 'left', wrapText: c.kind === 'longText' || c.kind === 'text' },
      border: BORDER,
      ...(FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {}),
    },
  }));

  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, lastCol);
  const title = ws.getCell(TITLE_ROW, 1);
  title.value = sheet.title;
  title.style = { font: { name: '宋体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(TITLE_ROW).height = 30;

  ws.mergeCells(SUBTITLE_ROW, 1, SUBTITLE_ROW, lastCol);
  const sub = ws.getCell(SUBTITLE_ROW, 1);
  sub.value = sheet.subtitle;
  sub.style = { font: { name: '宋体', size: 11 }, alignment: { horizontal: 'center', vertical: 'middle' } };

  const header = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.style = {
      font: { name: '黑体', size: 11, bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF0' } },
      border: BORDER,
    };
  });
  header.height = 22;
  return ws;
}
