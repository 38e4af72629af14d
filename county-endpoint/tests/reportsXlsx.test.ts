/**
 * The 督察结果 workbook read back with exceljs, cell by cell: title and period rows, the
 * Chinese headers frozen and repeated on every printed page, numbers stored as numbers,
 * widths that fit the longest text, A4 landscape one page wide.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database.js';
import { supervisionTables } from '../src/reports/tables.js';
import { displayWidth, reportWorkbook, XLSX_HEADER_ROW } from '../src/reports/xlsx.js';
import { createKeyIssue, addKeyIssueMembers, addKeyIssueNote } from '../src/store/keyIssues.js';
import { supervisionReport } from '../src/store/reports.js';
import { backends } from './support/backends.js';
import { CLERK_ACTOR, REPORT_NOW, seedReportFixture, type ReportFixture } from './support/reportFixture.js';

const pglite = backends.find((b) => b.name === 'pglite')!;

describe('督察结果 .xlsx', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let f: ReportFixture;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    ({ db, cleanup } = await pglite.open());
    f = await seedReportFixture(db);
    const key = await createKeyIssue(db, CLERK_ACTOR, { year: 2026, title: '企业融资难', leader: '县人大常委会副主任 陈国华', goal: '年内推动银企对接,化解园区企业融资难题' }, REPORT_NOW);
    await addKeyIssueMembers(db, CLERK_ACTOR, key, [f.issue.a1, f.issue.b1], REPORT_NOW);
    await addKeyIssueNote(db, CLERK_ACTOR, key, '金融办牵头建立续贷周转资金池', REPORT_NOW);
    const report = await supervisionReport(db, { from: '2026-03-01', to: '2026-03-31' }, REPORT_NOW);
    const buffer = await reportWorkbook(supervisionTables(report), '县人大常委会选联工委');
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  });
  afterAll(async () => cleanup());

  const sheet = (name: string) => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`no sheet ${name}`);
    return ws;
  };
  const rowValues = (ws: ExcelJS.Worksheet, row: number, cols: number) => Array.from({ length: cols }, (_, i) => ws.getCell(row, i + 1).value);

  it('has one sheet per part of the report, in order', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '承办单位', '联络站', '重点督办问题', '持续督办问题']);
  });

  it('every sheet: merged title row, period row, frozen bold header row repeated on each page, A4 landscape one page wide', () => {
    for (const ws of wb.worksheets) {
      const cols = ws.getRow(XLSX_HEADER_ROW).cellCount;
      expect(ws.getCell(1, 1).isMerged && ws.getCell(1, cols).isMerged).toBe(true);
      expect(ws.getCell(1, 1).font?.bold).toBe(true);
      expect(ws.getCell(2, 1).value).toBe('统计期间：2026年3月1日至2026年3月31日');
      expect(ws.getCell(XLSX_HEADER_ROW, 1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_HEADER_ROW });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    }
    expect(sheet('总体情况').getCell(1, 1).value).toBe('人大代表联络站问题督察结果——总体情况');
  });

  it('总体情况: the hand-counted totals', () => {
    const ws = sheet('总体情况');
    expect(rowValues(ws, 3, 2)).toEqual(['项目', '数值']);
    const pairs = Array.from({ length: 12 }, (_, i) => rowValues(ws, 4 + i, 2));
    expect(pairs).toEqual([
      ['收到问题清单（份）', 2],
      ['收集问题（件）', 6],
      ['提请交办（件）', 4],
      ['本期交办（件）', 5],
      ['按期答复（件次）', 3],
      ['逾期（件次）', 2],
      ['答复结果为解决（件）', 1],
      ['部分解决（件）', 1],
      ['因政策原因暂不能解决（件）', 0],
      ['来访人已评价（件）', 3],
      ['满意率（满意及基本满意）', '66.7%'],
      ['持续督办（件）', 2],
    ]);
  });

  it('承办单位: headers and every cell, numbers as numbers with their formats, a dash for no value', () => {
    const ws = sheet('承办单位');
    expect(ws.getCell(1, 1).value).toBe('承办单位办理情况统计表');
    expect(rowValues(ws, 3, 10)).toEqual(['承办单位', '交办件数', '其中主办', '按期答复', '逾期', '其中逾期未答复', '办理中', '平均办理工作日', '已评价', '满意率']);
    expect(rowValues(ws, 4, 10)).toEqual(['县金融办', 3, 3, 2, 0, 0, 1, 5, 2, 0.5]);
    expect(rowValues(ws, 5, 10)).toEqual(['县住建局', 2, 1, 0, 2, 1, 0, 9, 0, '—']);
    expect(rowValues(ws, 6, 10)).toEqual(['县人社局', 1, 1, 1, 0, 0, 0, 1, 1, 1]);
    expect(rowValues(ws, 7, 10)).toEqual(['县交通运输局', 0, 0, 0, 0, 0, 0, '—', 0, '—']);
    expect(ws.getCell(8, 1).value).toBeNull();
    expect(ws.getCell(4, 10).numFmt).toBe('0.0%');
    expect(ws.getCell(4, 8).numFmt).toBe('0.0');
  });

  it('联络站 and 持续督办问题: every cell', () => {
    const st = sheet('联络站');
    expect(rowValues(st, 3, 11)).toEqual(['联络站', '清单数', '问题数', '当场办结', '提请交办', '已答复', '解决', '部分解决', '因政策原因暂不能解决', '已销号', '已解决合计']);
    expect(rowValues(st, 4, 11)).toEqual(['银湾科创产业园人大代表联络站', 1, 4, 1, 3, 2, 1, 1, 0, 1, 2]);
    expect(rowValues(st, 5, 11)).toEqual(['河口物流园人大代表联络站', 1, 2, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(rowValues(st, 6, 11)).toEqual(['沙桥工业园人大代表联络站', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const sv = sheet('持续督办问题');
    expect(rowValues(sv, 3, 8)).toEqual(['县编号', '联络站', '类别', '问题摘要', '主办单位', '办理期限', '督办原因', '督办次数']);
    const a2 = rowValues(sv, 4, 8);
    expect(a2.slice(1)).toEqual(['银湾科创产业园人大代表联络站', '园区设施', '厂房产权证办理停滞', '县住建局', '2026-03-11', '逾期未答复', 0]);
    expect(a2[0] as string).toMatch(/^JH-2026-\d{6}$/);
    expect(rowValues(sv, 5, 8).slice(1)).toEqual(['银湾科创产业园人大代表联络站', '园区设施', '技改贷款贴息未到位', '县金融办', '2026-03-13', '来访人不满意', 1]);
    const key = sheet('重点督办问题');
    expect(rowValues(key, 4, 7)).toEqual(['企业融资难', '县人大常委会副主任 陈国华', '年内推动银企对接,化解园区企业融资难题', 2, 2, 1, '金融办牵头建立续贷周转资金池']);
  });

  it('column widths fit the longest text of each column (a Chinese character counts two)', () => {
    const ws = sheet('联络站');
    expect(ws.getColumn(1).width).toBe(displayWidth('银湾科创产业园人大代表联络站') + 2);
    expect(ws.getColumn(9).width).toBe(displayWidth('因政策原因暂不能解决') + 2);
    expect(ws.getColumn(2).width).toBe(displayWidth('清单数') + 2);
    expect(displayWidth('联络站A1')).toBe(8);
  });
});
