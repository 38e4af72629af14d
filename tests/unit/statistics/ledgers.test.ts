/**
 * Each 台账 written as .xlsx, read back with exceljs and checked cell by cell: title and
 * period, headers, a row, dates as dates, the frozen header, A4 landscape page setup with
 * the header row repeated and 第 x 页 in the footer, and phone numbers only where needed.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeStatistics } from '../../../shared/domain/statistics/compute';
import { quarterPeriod } from '../../../shared/domain/statistics/period';
import { DEFAULT_POINT_WEIGHTS } from '../../../shared/domain/statistics/points';
import type { PeriodRecords } from '../../../renderer/src/db';
import { EMPTY_TRACK } from '../../../renderer/src/db/followRows';
import { issueRefCode } from '../../../shared/domain/masking';
import { deputyLedger, issueLedger, visitorLedger, type LedgerContext } from '../../../renderer/src/features/statistics/ledgers/ledgerRows';
import { HEADER_ROW, SUBTITLE_ROW, TITLE_ROW, workbookBytes } from '../../../renderer/src/features/statistics/ledgers/workbook';
import { statisticsInput } from '../../../renderer/src/features/statistics/statisticsInput';
import { LEDGER_HEADERS } from '../../../renderer/src/features/statistics/strings';

const at = (day: string, time = '09:30') => `${day}T${time}:00.000+08:00`;
const utc = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, d, h, mi));

const records: PeriodRecords = {
  period: quarterPeriod(2026, 4),
  deputies: [
    { id: 'dep-wang-01', name: '王建国', level: '县', unit: '', role: '站长', active: true, order: 1 },
    { id: 'dep-li-0002', name: '李秀英', level: '镇', unit: '', role: '', active: true, order: 2 },
  ],
  dutyDays: [{ id: 'duty-10-10a', date: '2026-10-10', status: 'closed', deputyIds: ['dep-wang-01', 'dep-li-0002'], openedAt: at('2026-10-10', '08:30'), closedAt: at('2026-10-10', '17:00') }],
  receptions: [
    {
      id: 'rec-0000001',
      dutyDayId: 'duty-10-10a',
      channel: 'walkIn',
      receivedAt: at('2026-10-10'),
      deputyIds: ['dep-wang-01', 'dep-li-0002'],
      visitors: [
        { name: '陈林', phone: '13800138000', enterprise: '德信机械有限公司', position: '总经理' },
        { name: '伍盛华', phone: '', enterprise: '德信机械有限公司', position: '' },
      ],
      createdAt: at('2026-10-10'),
      updatedAt: at('2026-10-10'),
    },
  ],
  issues: [
    {
      issue: {
        id: 'iss-0000001',
        receptionId: 'rec-0000001',
        dutyDayId: 'duty-10-10a',
        seq: 1,
        category: '融资贷款',
        summary: '流动资金贷款审批慢',
        request: '协调银行加快审批',
        onSpotAnswer: '',
        handling: 'referToCounty',
        suggestedDepartment: '县金融办',
        status: 'closed',
        recordedAt: at('2026-10-10', '09:40'),
        updatedAt: at('2026-10-10', '09:40'),
      },
      reception: undefined,
      listNumber: '〔2026〕第7号',
      track: { ...EMPTY_TRACK, handedBackSeq: 2, ratedSeq: 2 },
      county: [
        { seq: 1, issueId: 'iss-0000001', listId: 'l', type: 'assigned', department: '县金融办', deadline: '2026-10-20', response: '', note: '', at: '2026-10-12T10:00:00.000+08:00', appliedAt: '' },
        { seq: 2, issueId: 'iss-0000001', listId: 'l', type: 'responded', department: '县金融办', deadline: null, response: '已协调农商行专项授信', note: '', at: '2026-10-18T15:00:00.000+08:00', appliedAt: '' },
        { seq: 3, issueId: 'iss-0000001', listId: 'l', type: 'closed', department: '', deadline: null, response: '', note: '', at: '2026-10-25T09:00:00.000+08:00', appliedAt: '' },
      ],
    },
    {
      issue: {
        id: 'iss-0000002',
        receptionId: 'rec-0000001',
        dutyDayId: 'duty-10-10a',
        seq: 2,
        category: '用工招聘',
        summary: '技工招聘难',
        request: '',
        onSpotAnswer: '介绍县人才市场招聘会',
        handling: 'onSpot',
        suggestedDepartment: '',
        status: 'resolvedOnSpot',
        recordedAt: at('2026-10-10', '09:45'),
        updatedAt: at('2026-10-10', '09:45'),
      },
      reception: undefined,
      listNumber: null,
      track: EMPTY_TRACK,
      county: [],
    },
  ],
  ratings: [
    { id: 'rating-0001', issueId: 'iss-0000001', rating: 'unsatisfied', ratedBy: '陈林', ratedAt: at('2026-10-19'), note: '', reason: '慢', supersedes: null, countyNote: '', recordedAt: at('2026-10-19') },
    { id: 'rating-0002', issueId: 'iss-0000001', rating: 'satisfied', ratedBy: '陈林', ratedAt: at('2026-10-20'), note: '', reason: '', supersedes: 'rating-0001', countyNote: '', recordedAt: at('2026-10-20') },
  ],
  actions: [{ id: 'act-0000001', issueId: 'iss-0000001', kind: 'handBack', method: 'phone', at: at('2026-10-19'), by: '王建国', text: '', recordedAt: at('2026-10-19') }],
};
for (const i of records.issues) i.reception = records.receptions[0];

const stats = computeStatistics(statisticsInput(records, DEFAULT_POINT_WEIGHTS, '2026-12-31'));
const ctx: LedgerContext = { station: { name: '东区产业园代表联络站' }, records, statistics: stats, today: '2027-01-05' };

async function readBack(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

function expectLedgerLayout(ws: ExcelJS.Worksheet, title: string, headers: readonly string[]) {
  expect(ws.getCell(TITLE_ROW, 1).value).toBe(title);
  expect(ws.getCell(SUBTITLE_ROW, 1).value).toBe('统计期间：2026年第4季度（2026-10-01 至 2026-12-31）    制表日期：2027-01-05');
  expect(rowValues(ws, HEADER_ROW)).toEqual(headers);
  expect(ws.getCell(TITLE_ROW, 1).isMerged && ws.getCell(TITLE_ROW, headers.length).isMerged).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
  expect(ws.headerFooter.oddFooter).toBe('第 &P 页 共 &N 页');
  headers.forEach((h, i) => expect(ws.getColumn(i + 1).width ?? 0).toBeGreaterThanOrEqual(Math.min(h.length * 2, 10)));
}

describe('来访接待登记台账', () => {
  it('has one row per visitor with the reception and the phone number', async () => {
    const spec = visitorLedger(ctx);
    expect(spec.fileName).toBe('东区产业园代表联络站来访接待登记台账-2026年第4季度');
    const ws = (await readBack(await workbookBytes(spec))).getWorksheet('来访接待登记台账')!;
    expectLedgerLayout(ws, '东区产业园代表联络站来访接待登记台账', LEDGER_HEADERS.visitors);
    expect(rowValues(ws, HEADER_ROW + 1)).toEqual([
      1,
      utc(2026, 10, 10),
      '09:30',
      '来访',
      '王建国、李秀英',
      '陈林',
      '13800138000',
      '德信机械有限公司',
      '总经理',
      2,
      '融资贷款、用工招聘',
      '1. 流动资金贷款审批慢\n2. 技工招聘难',
      '提请交办、当场答复办结',
    ]);
    expect(ws.getCell(HEADER_ROW + 2, 6).value).toBe('伍盛华');
    expect(ws.getCell(HEADER_ROW + 1, 2).numFmt).toBe('yyyy-mm-dd');
    expect(ws.rowCount).toBe(HEADER_ROW + 2);
  });
});

describe('问题台账', () => {
  it('has one row per issue with list number, county handling, the corrected rating, status and dates, and no phone numbers', async () => {
    const ws = (await readBack(await workbookBytes(issueLedger(ctx)))).getWorksheet('问题台账')!;
    expectLedgerLayout(ws, '东区产业园代表联络站问题台账', LEDGER_HEADERS.issues);
    expect(rowValues(ws, HEADER_ROW + 1)).toEqual([
      1,
      issueRefCode('iss-0000001'),
      '〔2026〕第7号',
      '融资贷款',
      '德信机械有限公司',
      '流动资金贷款审批慢',
      '协调银行加快审批',
      '提请交办',
      '',
      '县金融办',
      '县金融办',
      utc(2026, 10, 20),
      '已协调农商行专项授信',
      utc(2026, 10, 18),
      '满意',
      '已销号',
      utc(2026, 10, 10),
      utc(2026, 10, 25),
    ]);
    const second = rowValues(ws, HEADER_ROW + 2);
    expect(second[8]).toBe('介绍县人才市场招聘会');
    expect(second[15]).toBe('当场办结');
    expect(second[17]).toEqual(utc(2026, 10, 10));
    for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) expect(JSON.stringify(rowValues(ws, r))).not.toContain('13800138000');
    expect(ws.getCell(HEADER_ROW + 1, 12).numFmt).toBe('yyyy-mm-dd');
  });
});

describe('代表履职台账', () => {
  it('has a row per deputy and day, and the 履职积分 summary the 统计 screen shows', async () => {
    const wb = await readBack(await workbookBytes(deputyLedger(ctx)));
    const days = wb.getWorksheet('按代表和日期')!;
    expectLedgerLayout(days, '东区产业园代表联络站代表履职台账', LEDGER_HEADERS.deputyDays);
    expect(rowValues(days, HEADER_ROW + 1)).toEqual([1, '王建国', '县', utc(2026, 10, 10), '是', 1, 2, 2, 0]);
    expect(rowValues(days, HEADER_ROW + 2)).toEqual([2, '李秀英', '镇', utc(2026, 10, 10), '是', 1, 2, 2, 0]);
    const points = wb.getWorksheet('履职积分汇总')!;
    expect(rowValues(points, HEADER_ROW)).toEqual(LEDGER_HEADERS.deputyPoints);
    // 王建国: duty day 2 + reception 1 + hand-back 1 = 4; 李秀英: 2 + 1 = 3.
    expect(rowValues(points, HEADER_ROW + 1)).toEqual([1, '王建国', 1, 1, 0, 1, 0, 4]);
    expect(rowValues(points, HEADER_ROW + 2)).toEqual([2, '李秀英', 1, 1, 0, 0, 0, 3]);
    expect(points.getCell(HEADER_ROW + 1, 8).numFmt).toBe('0.0');
    for (const ws of [days, points]) for (let r = 1; r <= ws.rowCount; r++) expect(JSON.stringify(rowValues(ws, r))).not.toContain('13800138000');
  });
});
