/**
 * The statistics' day rows (schema v12) against the whole rows, for random sequences of the
 * writes that change what is counted: receptions saved, edited (time moved across days,
 * channel, category, handling, issues added or dropped) and deleted; sealing; county
 * updates, folded or still waiting in the inbox; hand-backs, the station's results and
 * ratings (closing its own follow-up). The day rows may be built before, during or after
 * the writes (a history from before v12 is built in the background while the station
 * works). Each period's input, issue by issue, and the numbers must be the same both ways.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStatistics, type StatIssue } from '../../../shared/domain/statistics/compute';
import { monthPeriod, yearPeriod, type Period } from '../../../shared/domain/statistics/period';
import { DEFAULT_POINT_WEIGHTS } from '../../../shared/domain/statistics/points';
import type { Channel, HandlingMode } from '../../../shared/domain/enums';
import type { IssueInput, ReceptionInput } from '../../../shared/domain/schemas';
import type { StationDb } from '../../../renderer/src/db/database';
import type { IssueStateRow } from '../../../renderer/src/db/syncRows';
import { receiveCountyUpdates } from '../../../renderer/src/db/repositories/countyStatus';
import { foldCountyInbox } from '../../../renderer/src/db/repositories/countyFold';
import { recordHandBack, recordProgress, recordRating } from '../../../renderer/src/db/repositories/followUp';
import { sealNow } from '../../../renderer/src/db/repositories/issueLists';
import { loadPeriodRecords } from '../../../renderer/src/db/repositories/periodRecords';
import { readStatDays, statisticsOfRecords, withReportDay, type PeriodStatistics } from '../../../renderer/src/db/repositories/periodStatistics';
import { createReception, deleteReception, getReception, updateReception } from '../../../renderer/src/db/repositories/receptions';
import { buildStatDays } from '../../../renderer/src/db/statDays';
import { termIndexingIdle } from '../../../renderer/src/db/termIndex';
import { seededDb } from '../../fixtures/db';

const CATEGORIES = ['安全生产', '交通物流', '环境卫生', ' '];
const DEPARTMENTS = ['县住建局', '县交警大队', ''];
const HANDLINGS: HandlingMode[] = ['onSpot', 'stationFollowUp', 'referToCounty'];
const CHANNELS: Channel[] = ['walkIn', 'phone', 'enterpriseVisit', 'wechat'];
const STATUS_TYPES = ['assigned', 'responded', 'published', 'closed', 'reopened'] as const;

/** Days from 2026-01-29 to 2026-03-04, so months and the year's edges are crossed. */
const time = (day: number, hour: number) => {
  const d = new Date(Date.UTC(2026, 0, 29 + day));
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:15:00.000+08:00`;
};

const issueArb = fc.record({ category: fc.constantFrom(...CATEGORIES), handling: fc.constantFrom(...HANDLINGS), suggestedDepartment: fc.constantFrom(...DEPARTMENTS) });
const issueInput = (i: { category: string; handling: HandlingMode; suggestedDepartment: string }, n: number): IssueInput => ({
  category: i.category.trim() || '其他',
  summary: `问题 ${n}`,
  request: '',
  onSpotAnswer: i.handling === 'onSpot' ? '已当场答复' : '',
  handling: i.handling,
  suggestedDepartment: i.suggestedDepartment,
});

const commandArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), day: fc.integer({ min: 0, max: 34 }), hour: fc.integer({ min: 0, max: 23 }), channel: fc.constantFrom(...CHANNELS), enterprises: fc.array(fc.constantFrom('椿森电子', '兴业生物', ' '), { minLength: 1, maxLength: 3 }), issues: fc.array(issueArb, { minLength: 1, maxLength: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), day: fc.option(fc.integer({ min: 0, max: 34 })), channel: fc.option(fc.constantFrom(...CHANNELS)), change: fc.option(issueArb), drop: fc.boolean(), add: fc.option(issueArb) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('seal' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('county' as const), pick: fc.nat({ max: 3 }), type: fc.constantFrom(...STATUS_TYPES, 'responded' as const), department: fc.constantFrom(...DEPARTMENTS), deadlineDay: fc.option(fc.integer({ min: 0, max: 40 })), fold: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handBack' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('result' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rating' as const), pick: fc.nat(), rating: fc.constantFrom('satisfied' as const, 'basicallySatisfied' as const, 'unsatisfied' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('build' as const), months: fc.option(fc.integer({ min: 0, max: 2 })) }) },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

const PERIODS: Period[] = [yearPeriod(2026), yearPeriod(2025), monthPeriod(2026, 2), { kind: 'custom', from: '2026-01-31', to: '2026-02-02' }];

/** Order-free form of an input, to compare issue by issue. */
function normalized(s: PeriodStatistics) {
  const issue = (i: StatIssue) => ({ ...i, county: i.county.map(({ type, department, deadline, at }) => ({ type, department, deadline, at })) });
  return {
    receptions: [...s.receptions].map((r) => ({ id: r.id, channel: r.channel, receivedAt: r.receivedAt, deputyIds: [...r.deputyIds], visitors: r.visitors.map((v) => v.enterprise) })).sort((a, b) => a.id.localeCompare(b.id)),
    issues: s.issues.map(issue).sort((a, b) => a.id.localeCompare(b.id)),
    ratings: [...s.ratings].sort((a, b) => a.id.localeCompare(b.id)),
    actions: [...s.actions].sort((a, b) => a.issueId.localeCompare(b.issueId) || a.at.localeCompare(b.at)),
  };
}

/** Expected refusals of the repositories (a sealed issue dropped, a rating without an answer…). */
const refused = (e: unknown) => e instanceof Error && /SealedIssueDelete|FollowUpState|ValidationError/.test(e.name);

async function run(db: StationDb, deputyIds: string[], commands: readonly Command[]): Promise<void> {
  const receptions: string[] = [];
  const issues = async () => (await db.issues.toCollection().primaryKeys()).sort();
  const candidates = async (fits: (s: IssueStateRow) => boolean) => {
    const states = await db.issueStates.toArray();
    const fitting = states.filter(fits).map((st) => st.id);
    return fitting.length > 0 ? fitting.sort() : issues();
  };
  let seq = 0;
  for (const c of commands) {
    try {
      switch (c.kind) {
        case 'create': {
          const input: ReceptionInput = {
            channel: c.channel,
            receivedAt: time(c.day, c.hour),
            deputyIds: deputyIds.slice(0, 1 + (c.day % deputyIds.length)),
            visitors: c.enterprises.map((enterprise, n) => ({ name: `来访人${n}`, phone: '', enterprise, position: '' })),
            issues: c.issues.map(issueInput),
          };
          receptions.push((await createReception(db, input, { dutyDayId: null })).reception.id);
          break;
        }
        case 'edit': {
          if (receptions.length === 0) break;
          const current = await getReception(db, receptions[c.pick % receptions.length]!);
          if (!current) break;
          const kept = current.issues.map((i): IssueInput => ({ id: i.id, category: i.category, summary: i.summary, request: i.request, onSpotAnswer: i.onSpotAnswer, handling: i.handling, suggestedDepartment: i.suggestedDepartment }));
          if (c.change) kept[0] = { ...issueInput(c.change, 0), id: kept[0]!.id };
          if (c.drop && kept.length > 1) kept.pop();
          if (c.add) kept.push(issueInput(c.add, kept.length));
          const r = current.reception;
          await updateReception(db, r.id, {
            channel: c.channel ?? r.channel,
            receivedAt: c.day === null ? r.receivedAt : time(c.day, Number(r.receivedAt.slice(11, 13))),
            deputyIds: r.deputyIds,
            visitors: r.visitors,
            issues: kept,
          });
          break;
        }
        case 'delete': {
          if (receptions.length === 0) break;
          const id = receptions[c.pick % receptions.length]!;
          await deleteReception(db, id);
          receptions.splice(receptions.indexOf(id), 1);
          break;
        }
        case 'seal':
          await sealNow(db, new Date(2026, 2, 10, 18));
          break;
        case 'county': {
          const ids = await issues();
          if (ids.length === 0) break;
          const issueId = ids[c.pick % ids.length]!;
          const state = await db.issueStates.get(issueId);
          seq += 1;
          const deadline = c.deadlineDay === null ? undefined : `${time(c.deadlineDay, 9).slice(0, 10)}T01:00:00.000Z`;
          await receiveCountyUpdates(
            db,
            [{ seq, issueId, listId: state?.listId || issueId, type: c.type, department: c.department, ...(deadline ? { deadline } : {}), response: c.type === 'responded' ? '已答复' : '', at: time(5 + (seq % 30), 10) }],
            seq,
          );
          if (c.fold) await foldCountyInbox(db);
          break;
        }
        case 'handBack': {
          const ids = await issues();
          if (ids.length > 0) await recordHandBack(db, { issueId: ids[c.pick % ids.length]!, method: 'phone', at: time(20, 15), deputyName: '王丽芬', note: '' });
          break;
        }
        case 'result': {
          // Mostly the station's own follow-ups (others are refused).
          const ids = await candidates((st) => st.track?.followUp === true);
          if (ids.length > 0) await recordProgress(db, { issueId: ids[c.pick % ids.length]!, kind: 'result', at: time(21, 15), by: '郭晓蓉', text: '已协调解决' });
          break;
        }
        case 'rating': {
          // Mostly issues with an answer or the station's result (others are refused).
          const ids = await candidates((st) => st.county.some((u) => u.type === 'responded') || (st.track?.resultAt ?? null) !== null);
          if (ids.length > 0) await recordRating(db, { issueId: ids[c.pick % ids.length]!, rating: c.rating, ratedBy: '辛志鹏', ratedAt: time(22, 10), note: '', reason: c.rating === 'unsatisfied' ? '未解决' : '' });
          break;
        }
        case 'build':
          // Sometimes cut short after a month or two, as when the app closes during the build.
          await buildStatDays(db, c.months === null ? {} : { months: c.months });
          break;
      }
    } catch (error) {
      if (!refused(error)) throw error;
    }
  }
}

describe('statistics day rows (schema v12)', () => {
  it('give the same input and numbers as the whole rows after any sequence of writes', async () => {
    // What the runs reached, so the property is known to have been tried on each kind of fact.
    const seen = { county: 0, waiting: 0, rated: 0, stationClosed: 0, moved: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 8, maxLength: 30 }), async (commands) => {
        const { db, deputyIds } = await seededDb();
        try {
          await run(db, deputyIds, commands);
          await buildStatDays(db);
          const states = await db.issueStates.toArray();
          if (states.some((st) => st.county.length > 0)) seen.county += 1;
          if ((await db.countyInbox.count()) > 0) seen.waiting += 1;
          if ((await db.ratings.count()) > 0) seen.rated += 1;
          if (states.some((st) => st.track?.closedAt)) seen.stationClosed += 1;
          if (commands.some((c) => c.kind === 'edit' && c.day !== null)) seen.moved += 1;
          for (const period of PERIODS) {
            const compact = await readStatDays(db, period);
            expect(compact).not.toBeNull();
            const whole = statisticsOfRecords(await loadPeriodRecords(db, period));
            expect(normalized(compact!)).toEqual(normalized(whole));
            expect(computeStatistics(withReportDay(compact!, DEFAULT_POINT_WEIGHTS, '2026-03-01'))).toEqual(computeStatistics(withReportDay(whole, DEFAULT_POINT_WEIGHTS, '2026-03-01')));
          }
        } finally {
          await termIndexingIdle(db);
          db.close();
        }
      }),
      { numRuns: 80 },
    );
    expect(Object.values(seen).every((n) => n > 0), JSON.stringify(seen)).toBe(true);
  }, 240_000);
});
