/**
 * A report table as an .xlsx workbook (exceljs): a merged title row and the period under
 * it, Chinese column headers frozen under them and repeated on every printed page,
 * column widths that fit their longest text (a CJK character counts two), numbers kept
 * as numbers with their display format, and an A4 landscape page set up to print one
 * page wide.
 */
import ExcelJS from 'exceljs';
import { formatCell, type ColumnKind, type ReportTable } from './table.js';
import type { NamedTable } from './tables.js';

/** Row numbers of the layout, 1-based as in Excel. */
export const XLSX_TITLE_ROW = 1;
export const XLSX_SUBTITLE_ROW = 2;
export const XLSX_HEADER_ROW = 3;

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  int: '0',
  decimal: '0.0',
  percent: '0.0%',
};

/** Width in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** One worksheet per table, in order. */
export async function reportWorkbook(sheets: NamedTable[], creator: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  for (const s of sheets) addSheet(wb, s.table, s.sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addSheet(wb: ExcelJS.Workbook, table: ReportTable, sheetName: string): void {
  const lastCol = Math.max(1, table.columns.length);
  const ws = wb.addWorksheet(sheetName.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', xSplit: 0, ySplit: XLSX_HEADER_ROW, topLeftCell: `A${XLSX_HEADER_ROW + 1}`, activeCell: `A${XLSX_HEADER_ROW + 1}` }],
  });

  ws.mergeCells(XLSX_TITLE_ROW, 1, XLSX_TITLE_ROW, lastCol);
  const title = ws.getCell(XLSX_TITLE_ROW, 1);
  title.value = table.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(XLSX_TITLE_ROW).height = 30;

  ws.mergeCells(XLSX_SUBTITLE_ROW, 1, XLSX_SUBTITLE_ROW, lastCol);
  const sub = ws.getCell(XLSX_SUBTITLE_ROW, 1);
  sub.value = table.subtitle;
  sub.font = { name: '宋体', size: 11 };
  sub.alignment = { horizontal: 'center', vertical: 'middle' };

  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const header = ws.getRow(XLSX_HEADER_ROW);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF0' } };
    cell.border = border;
  });
  header.height = 22;

  table.rows.forEach((row, r) => {
    const xr = ws.getRow(XLSX_HEADER_ROW + 1 + r);
    table.columns.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      const v = row[c.key] ?? null;
      // An empty number cell says "no value" in words rather than looking like zero.
      cell.value = v === null ? formatCell(c.kind, null) : v;
      const fmt = NUMBER_FORMATS[c.kind];
      if (fmt && typeof v === 'number') cell.numFmt = fmt;
      cell.font = { name: '宋体', size: 11 };
      cell.alignment = { vertical: 'top', horizontal: c.kind === 'text' ? 'left' : 'right', wrapText: c.kind === 'text' };
      cell.border = border;
    });
  });

  table.columns.forEach((c, i) => {
    const texts = [c.header, ...table.rows.map((row) => formatCell(c.kind, row[c.key] ?? null))];
    const widest = Math.max(...texts.map(displayWidth));
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });
}
