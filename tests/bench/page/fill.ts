/**
 * Fills the app's own database (same origin, same StationDb) with a generated history.
 * The station is set up through the real repository; receptions are written in large
 * batches of rows built with the app's converter (issueToRow) — the rows are exactly
 * what createReception stores, only many per transaction, so 100,000 issues take
 * minutes instead of an hour. Progress survives a reload: a batch is either written
 * whole or not at all, and the next index is stored with it.
 */
import { newId } from '../../../shared/domain/ids';
import type { DeputyInput, DutyDay, Issue, Reception } from '../../../shared/domain/schemas';
import { issueToRecord, newIssueState } from '../../../renderer/src/db/convert';
import { withSealState } from '../../../renderer/src/db/issueStates';
import type { CountyUpdate, IssueStateRow } from '../../../renderer/src/db/syncRows';
import { EMPTY_TRACK } from '../../../renderer/src/db/followRows';
import { withTodo } from '../../../renderer/src/db/todoMarks';
import { buildStatDays, putReceptionStats, putStateStats } from '../../../renderer/src/db/statDays';
import type { StationDb } from '../../../renderer/src/db/database';
import { parseReceptionInput } from '../../../renderer/src/db/repositories/receptions';
import { getStation, listDeputies, setupStation } from '../../../renderer/src/db/repositories/station';
import { addStaff, hasActiveStaff } from '../../../renderer/src/db/repositories/staff';
import type { AuditRow } from '../../../renderer/src/db/rows';
import sample from '../fixtures/station-sample.json';
import { enterprisePool, generateReception, HISTORY_DAYS, HISTORY_START, toOffsetIso, type Enterprise } from '../fixtures/generate';

const PROGRESS_KEY = 'station-bench-fill-next';
const BATCH = 500;

export interface Roster {
  deputyIds: string[];
  enterprises: Enterprise[];
}

export async function roster(db: StationDb): Promise<Roster> {
  if (!(await getStation(db))) {
    await setupStation(db, sample.station, sample.deputies as DeputyInput[]);
  }
  // The app opens on its lock screen without an account (docs/access.md); the cold starts sign in as this one.
  if (!(await hasActiveStaff(db))) await addStaff(db, { name: '基准测试', pin: '000000' });
  return { deputyIds: (await listDeputies(db)).map((d) => d.id), enterprises: enterprisePool(2400) };
}

function filledUpTo(): number {
  return Number(localStorage.getItem(PROGRESS_KEY) ?? '0');
}

/** The 1st and 15th of every month of the history, closed, with three deputies. */
async function dutyDays(db: StationDb, deputyIds: string[]): Promise<Map<string, string>> {
  const existing = await db.dutyDays.toArray();
  if (existing.length > 0) return new Map(existing.map((d) => [d.date, d.id]));
  const days: DutyDay[] = [];
  for (let i = 0; i < HISTORY_DAYS; i++) {
    const at = new Date(HISTORY_START + i * 86_400_000 + 8.5 * 3_600_000);
    const iso = toOffsetIso(at);
    const dom = Number(iso.slice(8, 10));
    if (dom !== 1 && dom !== 15) continue;
    days.push({
      id: newId(at.getTime()),
      date: iso.slice(0, 10),
      status: 'closed',
      deputyIds: deputyIds.slice(0, 3),
      openedAt: iso,
      closedAt: toOffsetIso(new Date(at.getTime() + 8 * 3_600_000)),
    });
  }
  await db.dutyDays.bulkAdd(days);
  return new Map(days.map((d) => [d.date, d.id]));
}

export function buildRows(index: number, r: Roster, dutyDayIds: Map<string, string>) {
  const generated = generateReception(index, r.deputyIds, r.enterprises);
  const valid = parseReceptionInput(generated.input);
  const ms = new Date(valid.receivedAt).getTime();
  const reception: Reception = {
    id: newId(ms),
    dutyDayId: generated.dutyDay ? (dutyDayIds.get(generated.dutyDay) ?? null) : null,
    channel: valid.channel,
    receivedAt: valid.receivedAt,
    deputyIds: valid.deputyIds,
    visitors: valid.visitors,
    createdAt: valid.receivedAt,
    updatedAt: valid.receivedAt,
  };
  const issues: Issue[] = valid.issues.map((i, seq) => ({
    id: newId(ms),
    receptionId: reception.id,
    dutyDayId: reception.dutyDayId,
    seq: seq + 1,
    category: i.category,
    summary: i.summary,
    request: i.request,
    onSpotAnswer: i.onSpotAnswer,
    handling: i.handling,
    suggestedDepartment: i.suggestedDepartment,
    status: generated.statuses[seq]!,
    recordedAt: reception.receivedAt,
    updatedAt: reception.receivedAt,
  }));
  const audit: AuditRow = {
    id: newId(ms),
    at: reception.createdAt,
    action: 'reception.create',
    entity: 'reception',
    entityId: reception.id,
    detail: { issues: issues.length, visitors: reception.visitors.length },
  };
  const records = issues.map((i) => issueToRecord(i, reception));
  return { reception, issueRows: records.map((x) => x.row), termRows: records.map((x) => x.terms), stateRows: issues.map(historicState), audit };
}

/** A station seals its issues when the duty day closes: all but the last week's are in a (monthly, here) list. */
function historicState(issue: Issue): IssueStateRow {
  const state = newIssueState(issue);
  if (Date.parse(issue.recordedAt) > Date.now() - 7 * 86_400_000) return state;
  return withSealState({ ...state, listId: `bench-list-${issue.recordedAt.slice(0, 7)}` }, 'sealed');
}

export async function fill(db: StationDb, receptions: number, log: (line: string) => void): Promise<void> {
  const r = await roster(db);
  const days = await dutyDays(db, r.deputyIds);
  const started = performance.now();
  for (let from = filledUpTo(); from < receptions; from += BATCH) {
    const to = Math.min(receptions, from + BATCH);
    const rows = Array.from({ length: to - from }, (_, k) => buildRows(from + k, r, days));
    await db.transaction('rw', [db.receptions, db.issues, db.issueTerms, db.issueStates, db.statDays, db.auditLog], async () => {
      await db.receptions.bulkAdd(rows.map((x) => x.reception));
      await db.issues.bulkAdd(rows.flatMap((x) => x.issueRows));
      await db.issueTerms.bulkAdd(rows.flatMap((x) => x.termRows));
      await db.issueStates.bulkAdd(rows.flatMap((x) => x.stateRows));
      await putReceptionStats(db, rows.map((x) => ({ reception: x.reception, issues: x.issueRows.map((row, i) => ({ row, state: x.stateRows[i] })) })));
      await db.auditLog.bulkAdd(rows.map((x) => x.audit));
    });
    localStorage.setItem(PROGRESS_KEY, String(to));
    if (to % 5000 === 0 || to === receptions) {
      log(`filled ${to}/${receptions} receptions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  // The statistics rows were written with each batch; this marks them complete (or builds them for a fill begun under an older schema).
  await buildStatDays(db);
}

const FOLLOW_UP_KEY = 'station-bench-follow-up-seeded';
/** Issues given a county history by seedFollowUp: answered (to hand back or rate) and assigned with deadlines. */
export const ANSWERED = 1500;
export const ASSIGNED = 600;

function countyEvent(issueId: string, listId: string, seq: number, type: CountyUpdate['type'], at: string, deadline: string | null): CountyUpdate {
  return { seq, issueId, listId, type, department: '县住建局', deadline, response: type === 'responded' ? '已协调解决。' : '', note: '', at, appliedAt: at };
}

/**
 * Gives sealed issues of the history what the county did with them, as the sync would have
 * folded it in, so 待办 has answers to hand back or rate and deadlines of all three colours
 * (the generated history alone has none). Runs once per profile; state rows go through withTodo.
 */
export async function seedFollowUp(db: StationDb, log: (line: string) => void): Promise<void> {
  if (localStorage.getItem(FOLLOW_UP_KEY) === '1') return;
  const states = await db.issueStates
    .filter((s) => s.sealState === 'sealed' && s.county.length === 0 && !s.track?.followUp)
    .limit(ANSWERED + ASSIGNED)
    .toArray();
  const now = Date.now();
  const seeded = states.map((s, i) => {
    const assignedAt = toOffsetIso(new Date(Date.parse(s.recordedAt) + 3 * 86_400_000));
    if (i < ANSWERED) {
      const county = [countyEvent(s.id, s.listId, 2 * i + 1, 'assigned', assignedAt, null), countyEvent(s.id, s.listId, 2 * i + 2, 'responded', assignedAt, null)];
      // Every third answer has been passed on already and waits for its rating.
      const track = { ...EMPTY_TRACK, handedBackSeq: i % 3 === 0 ? 2 * i + 2 : 0 };
      return withTodo({ ...s, status: 'responded' as const, county, track });
    }
    // Deadlines from a week ago to a month ahead: red, yellow and green.
    const deadline = new Date(now + ((i % 37) - 7) * 86_400_000).toISOString();
    return withTodo({ ...s, status: 'assigned' as const, county: [countyEvent(s.id, s.listId, 2 * i + 1, 'assigned', assignedAt, deadline)] });
  });
  await db.transaction('rw', [db.issueStates, db.statDays], () => Promise.all([db.issueStates.bulkPut(seeded), putStateStats(db, seeded)]));
  localStorage.setItem(FOLLOW_UP_KEY, '1');
  log(`gave ${seeded.length} issues a county history (answers and deadlines for 待办)`);
}
