/**
 * Entry of the benchmark page, served from the app's origin so it opens the app's own
 * database. Exposes `window.stationBench` for the Playwright driver (../reception.bench.ts).
 */
import { getDb } from '../../../renderer/src/db/database';
import { bigrams, normalizeForSearch } from '../../../shared/domain/search';
import { enterprisePool, generateReception } from '../fixtures/generate';
import { fill, roster, seedFollowUp } from './fill';
import { searchIssues, type IssueSearchQuery, type SearchTuning } from '../../../renderer/src/db/repositories/issueSearch';
import './backupBench';
import { measureRatings, measureSaves, measureSearches, type RatingTimings, type SaveTimings, type SearchCase, type SearchTiming } from './measure';

export interface StationBench {
  counts(): Promise<{ receptions: number; issues: number }>;
  fill(receptions: number): Promise<void>;
  searchCases(): SearchCase[];
  searches(reps: number, baseline: boolean, tuning?: Partial<SearchTuning>): Promise<SearchTiming[]>;
  /** One first page (for tracing a query's reads); returns how many issues it shows. */
  searchOnce(query: IssueSearchQuery, tuning?: Partial<SearchTuning>): Promise<number>;
  /** Entries in the posting list of each bigram of each text (for tuning the search). */
  listSizes(texts: string[]): Promise<Record<string, number>>;
  saves(count: number): Promise<SaveTimings>;
  /** Gives part of the history a county history, so 待办 has work (once per profile). */
  seedFollowUp(): Promise<void>;
  /** How many issues 待办 lists by its indexes: to hand back, to rate, with a county deadline. */
  todoCounts(): Promise<{ handBack: number; rate: number; deadlines: number }>;
  ratings(count: number): Promise<RatingTimings>;
}

declare global {
  interface Window {
    stationBench: StationBench;
  }
}

/** Realistic queries: names and enterprises that exist in the history, common and rare words, filters. */
function searchCases(): SearchCase[] {
  const enterprises = enterprisePool(2400);
  const someone = generateReception(12_345, ['x'], enterprises).input.visitors[0]!;
  const another = generateReception(31_337, ['x'], enterprises).input.visitors[0]!;
  const firm = someone.enterprise ?? enterprises[0]!.name;
  return [
    { name: '最新一页(无条件)', query: {} },
    { name: '人名 ' + someone.name, query: { text: someone.name } },
    { name: '人名 ' + another.name, query: { text: another.name } },
    { name: '企业全称 ' + firm, query: { text: firm } },
    { name: '企业简称 ' + firm.slice(0, 4), query: { text: firm.slice(0, 4) } },
    { name: '常见词 板房', query: { text: '板房' } },
    { name: '常见词 贷款', query: { text: '贷款' } },
    { name: '很常见 有限公司', query: { text: '有限公司' } },
    { name: '常见字拼成的罕见词 厂房费用', query: { text: '厂房费用' } },
    { name: '单字 电', query: { text: '电' } },
    { name: '贷款 + 类别融资贷款', query: { text: '贷款', category: '融资贷款' } },
    { name: '违停 + 2025 年', query: { text: '违停', from: '2025-01-01', to: '2025-12-31' } },
    { name: '类别 子女入学', query: { category: '子女入学' } },
    { name: '状态 持续督办 + 提请交办', query: { status: 'reopened', handling: 'referToCounty' } },
    { name: '一天 2025-03-15', query: { from: '2025-03-15', to: '2025-03-15' } },
    { name: '企业简称 + 状态已销号', query: { text: firm.slice(0, 4), status: 'closed' } },
  ];
}

window.stationBench = {
  async counts() {
    const db = getDb();
    return { receptions: await db.receptions.count(), issues: await db.issues.count() };
  },
  async fill(receptions) {
    await fill(getDb(), receptions, (line) => console.log(line));
  },
  searchCases,
  async listSizes(texts) {
    const db = getDb();
    const out: Record<string, number> = {};
    for (const g of texts.flatMap((t) => bigrams(normalizeForSearch(t)))) {
      out[g] = await db.issueTerms.where('gramTimes').between(`${g}\u0001`, `${g}\u0002`).count();
    }
    out['status closed'] = await db.issueStates.where('[status+recordedAt]').between(['closed', ''], ['closed', '\uffff']).count();
    return out;
  },
  async searchOnce(query, tuning) {
    return (await searchIssues(getDb(), query, { tuning })).items.length;
  },
  async searches(reps, baseline, tuning) {
    return measureSearches(getDb(), searchCases(), reps, baseline, tuning);
  },
  async seedFollowUp() {
    await seedFollowUp(getDb(), (line) => console.log(line));
  },
  async todoCounts() {
    const s = getDb().issueStates;
    return {
      handBack: await s.where('todo').equals('handBack').count(),
      rate: await s.where('todo').equals('rate').count(),
      deadlines: await s.where('dueAt').aboveOrEqual('').count(),
    };
  },
  async ratings(count) {
    return measureRatings(getDb(), count);
  },
  async saves(count) {
    const db = getDb();
    return measureSaves(db, await roster(db), count);
  },
};
document.body.dataset.ready = 'true';
