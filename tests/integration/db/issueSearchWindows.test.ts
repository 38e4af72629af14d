/**
 * Time-window intersection of posting lists on a history whose words have very different
 * densities over time: every query and tuning must give exactly what a full scan gives,
 * page after page.
 */
import { describe, expect, it } from 'vitest';
import { issueToRecord, newIssueState } from '../../../renderer/src/db/convert';
import type { IssueStateRow } from '../../../renderer/src/db/syncRows';
import type { StationDb } from '../../../renderer/src/db/database';
import { searchIssues, type IssueSearchQuery, type SearchTuning } from '../../../renderer/src/db/repositories/issueSearch';
import type { IssueRecord } from '../../../renderer/src/db/convert';
import { normalizeForSearch } from '../../../shared/domain/search';
import type { Issue, Reception } from '../../../shared/domain/schemas';
import { freshDb } from '../../fixtures/db';

const ENTERPRISES = ['星河纺织有限公司', '远航物流有限公司', '德信机械制造厂', '合顺实业'];
const PHRASES = ['厂房漏雨', '板房费用未拨付', '贷款难', '电费偏高', '厂区道路积水', '招工难', '费用报销慢', '用电容量不足'];
const CATEGORIES = ['用电用水', '融资贷款', '其他'];
const STATUSES = ['recorded', 'closed', 'reopened'] as const;

/** 240 issues over ~8 months; several issues share a timestamp; deterministic. */
async function history(): Promise<StationDb> {
  const db = freshDb();
  await db.open();
  const receptions: Reception[] = [];
  const rows: IssueRecord[] = [];
  const states: IssueStateRow[] = [];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65_536) % n;
  };
  for (let r = 0; r < 120; r++) {
    // Sparse early months, dense recent ones: the densities move over time.
    const day = Math.floor(Math.sqrt(r / 120) * 240);
    const at = new Date(Date.UTC(2025, 0, 1, 1, 0) + day * 86_400_000 + next(3) * 3_600_000).toISOString().replace('Z', '+00:00');
    const id = `r-${String(r).padStart(4, '0')}`;
    const reception: Reception = {
      id,
      dutyDayId: null,
      channel: 'walkIn',
      receivedAt: at,
      deputyIds: ['d1'],
      visitors: [{ name: `访客${r % 17}`, phone: '', enterprise: ENTERPRISES[next(4)]!, position: '' }],
      createdAt: at,
      updatedAt: at,
    };
    receptions.push(reception);
    for (let k = 0; k < 2; k++) {
      const issue: Issue = {
        id: `i-${String(r).padStart(4, '0')}-${k}`,
        receptionId: id,
        dutyDayId: null,
        seq: k + 1,
        category: CATEGORIES[next(3)]!,
        summary: `${PHRASES[next(8)]},${r % 5 === 0 ? '车间' : ''}${PHRASES[next(8)]}`,
        request: r % 9 === 0 ? '请尽快协调' : '',
        onSpotAnswer: '',
        handling: 'referToCounty',
        suggestedDepartment: '',
        status: STATUSES[next(3)]!,
        recordedAt: at,
        updatedAt: at,
      };
      rows.push(issueToRecord(issue, reception));
      states.push(newIssueState(issue));
    }
  }
  await db.receptions.bulkAdd(receptions);
  await db.issues.bulkAdd(rows.map((r) => r.row));
  await db.issueTerms.bulkAdd(rows.map((r) => r.terms));
  await db.issueStates.bulkAdd(states);
  return db;
}

async function fullScan(db: StationDb, q: IssueSearchQuery): Promise<string[]> {
  const text = normalizeForSearch(q.text ?? '');
  const upper = q.to ? `${q.to}T\uffff` : '\uffff';
  const all = await db.issues.toArray();
  const statusOf = new Map((await db.issueStates.toArray()).map((s) => [s.id, s.status]));
  return all
    .filter(
      (r) =>
        r.searchText.includes(text) &&
        (!q.category || r.category === q.category) &&
        (!q.status || statusOf.get(r.id) === q.status) &&
        r.recordedAt >= (q.from ?? '') &&
        r.recordedAt <= upper,
    )
    .sort((a, b) => (a.recordedAt !== b.recordedAt ? (a.recordedAt < b.recordedAt ? 1 : -1) : a.id < b.id ? 1 : -1))
    .map((r) => r.id);
}

async function pages(db: StationDb, q: IssueSearchQuery, limit: number, tuning: Partial<SearchTuning>): Promise<string[]> {
  const ids: string[] = [];
  let cursor = null;
  for (let n = 0; n < 500; n++) {
    const page = await searchIssues(db, q, { limit, cursor, tuning });
    ids.push(...page.items.map((h) => h.issue.id));
    if (!page.hasMore) return ids;
    cursor = page.cursor;
  }
  throw new Error('paging did not end');
}

const QUERIES: IssueSearchQuery[] = [
  { text: '有限公司' },
  { text: '板房费用' },
  { text: '厂房费用' },
  { text: '车间贷款' },
  { text: '费用,车间' },
  { text: '德信机械' },
  { text: '请尽快协调' },
  { text: '贷款', category: '融资贷款' },
  { text: '电费', status: 'closed', from: '2025-03-01', to: '2025-06-30' },
  { category: '其他', status: 'reopened' },
  { text: '访客1', status: 'recorded' },
];

// fullList 0 sends every query by time windows; denseWindows 0 straight to whole lists
// when the rarest list is short enough; smallList 0 always tries windows first (with the
// default, this small history mostly goes straight to whole lists); the others mix paths.
const TUNINGS: Partial<SearchTuning>[] = [
  {},
  { fullList: 0 },
  { denseWindows: 0 },
  { smallList: 0 },
  { smallList: 0, probe: 4, maxWindow: 8 },
  { smallList: 12, probe: 2, fullList: 40 },
  { denseWindows: 1, probe: 2, maxWindow: 4, smallList: 0 },
  { denseWindows: 0, fullList: 30, probe: 4 },
  { probe: 1, maxWindow: 1, fullList: 0 },
  { probe: 2, maxWindow: 8, keysPerRow: 0, fullList: 0 },
  { probe: 3, maxWindow: 16, keysPerRow: 1e9, fullList: 0 },
  { probe: 8, maxWindow: 8, keysPerRow: 1, fullList: 0 },
  { probe: 2, fullList: 20, keysPerRow: 0 },
  { probe: 4, fullList: 40, keysPerRow: 1e9 },
  { probe: 1, fullList: 10, keysPerRow: 1 },
];

describe('issue search by whole lists and by time windows', () => {
  it('gives exactly the full scan, in order, for every query, tuning and page size', async () => {
    const db = await history();
    for (const q of QUERIES) {
      const expected = await fullScan(db, q);
      for (const tuning of TUNINGS) {
        for (const limit of [1, 5, 50]) {
          expect(await pages(db, q, limit, tuning), `${JSON.stringify(q)} ${JSON.stringify(tuning)} limit ${limit}`).toEqual(expected);
        }
      }
    }
    // The history really has both rare and common words, and a combination of common bigrams that never occurs.
    expect((await fullScan(db, { text: '有限公司' })).length).toBeGreaterThan(60);
    expect(await fullScan(db, { text: '厂房费用' })).toEqual([]);
    expect((await fullScan(db, { text: '车间贷款' })).length).toBeGreaterThan(0);
    // Every query × tuning × page size (about 10 s on a quiet run): more than the default budget on a loaded machine.
  }, 60_000);

  it('finds nothing quickly when one word of the query never occurs', async () => {
    const db = await history();
    expect((await searchIssues(db, { text: '有限公司排污' })).items).toEqual([]);
    expect((await searchIssues(db, { text: '贷款', category: '不存在的类别' })).items).toEqual([]);
  });
});
