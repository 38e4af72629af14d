/**
 * Loads the read models of the printed forms from the repositories (read-only).
 * Each loader returns the models found and how many requested ids were missing, so the
 * screen can say so instead of silently printing less.
 */
import { issueRefCode, maskForNotice, maskName, nameScrubber } from '../../../../shared/domain/masking';
import { dayKeyOfIso } from '../../../../shared/domain/time';
import { dutyDaysRepo, getDb, printQueriesRepo, receptionsRepo, stationRepo, type ReceptionWithIssues } from '../../db';
import type { AssignmentPrintModel, IssueListPrintModel, NoticePrintModel, ReceptionPrintModel, StationHeader } from './models';

export interface Loaded<M> {
  models: M[];
  missing: number;
}

async function stationHeader(): Promise<StationHeader> {
  const station = await stationRepo.getStation(getDb());
  if (!station) throw new Error('Station is not set up');
  return { name: station.name, county: station.county, town: station.town, head: station.head };
}

async function deputyNameMap(): Promise<Map<string, string>> {
  const deputies = await stationRepo.listDeputies(getDb(), true);
  return new Map(deputies.map((d) => [d.id, d.name]));
}

/**
 * `day-<dutyDayId>` in a print route stands for one duty day: all its receptions, its
 * draft issue list, or the assignment forms of its issues referred to the county.
 */
export const DAY_PREFIX = 'day-';

/** A duty day's receptions in the order they were received. */
async function receptionsOfDay(dayId: string) {
  const receptions = await receptionsRepo.receptionsOfDutyDay(getDb(), dayId);
  return [...receptions].sort((a, b) => a.reception.receivedAt.localeCompare(b.reception.receivedAt));
}

export async function loadReceptions(ids: readonly string[]): Promise<Loaded<ReceptionPrintModel>> {
  const db = getDb();
  const [station, names] = await Promise.all([stationHeader(), deputyNameMap()]);
  let missing = 0;
  const found: ReceptionWithIssues[] = [];
  for (const id of ids) {
    if (id.startsWith(DAY_PREFIX)) {
      found.push(...(await receptionsOfDay(id.slice(DAY_PREFIX.length))));
      continue;
    }
    const r = await receptionsRepo.getReception(db, id);
    if (r) found.push(r);
    else missing++;
  }
  const models = found.map((r) => ({
    station,
    reception: r.reception,
    issues: r.issues,
    deputyNames: r.reception.deputyIds.map((id) => names.get(id) ?? '（已删除的代表）'),
  }));
  return { models, missing };
}

function enterprisesOf(visitors: readonly { enterprise: string }[]): string {
  return [...new Set(visitors.map((v) => v.enterprise).filter(Boolean))].join('、');
}

/**
 * A sealed list prints exactly what was sealed and sent (its payload). `day-<id>` prints
 * a draft of one duty day's issues before sealing, without a number.
 */
export async function loadIssueLists(ids: readonly string[]): Promise<Loaded<IssueListPrintModel>> {
  const db = getDb();
  const station = await stationHeader();
  const models: IssueListPrintModel[] = [];
  for (const id of ids) {
    if (!id.startsWith(DAY_PREFIX)) {
      const list = await printQueriesRepo.getSealedList(db, id);
      if (!list) continue;
      const rows = list.payload.issues.map((i) => ({
        seq: i.seq,
        category: i.category,
        summary: i.amendsIssueId ? `（更正）${i.summary}` : i.summary,
        request: i.request,
        handling: i.handling,
        suggestedDepartment: i.suggestedDepartment,
        enterprise: enterprisesOf(i.visitors),
      }));
      models.push({ station: { ...station, name: list.payload.stationName }, id, number: list.number, date: dayKeyOfIso(list.sealedAt), rows });
      continue;
    }
    const dayId = id.slice(DAY_PREFIX.length);
    const day = await dutyDaysRepo.getDutyDay(db, dayId);
    if (!day) continue;
    const ordered = await receptionsOfDay(dayId);
    const rows = ordered.flatMap(({ reception, issues }) =>
      issues.map((issue) => ({
        category: issue.category,
        summary: issue.summary,
        request: issue.request,
        handling: issue.handling,
        suggestedDepartment: issue.suggestedDepartment,
        enterprise: enterprisesOf(reception.visitors),
      })),
    );
    models.push({ station, id, number: null, date: day.date, rows: rows.map((r, i) => ({ ...r, seq: i + 1 })) });
  }
  return { models, missing: ids.length - models.length };
}

/** Issue ids of a route: plain ids, or `day-<id>` for the duty day's issues referred to the county. */
async function expandAssignmentIds(ids: readonly string[]): Promise<{ issueIds: string[]; asked: number }> {
  const issueIds: string[] = [];
  let asked = 0;
  for (const id of ids) {
    if (!id.startsWith(DAY_PREFIX)) {
      issueIds.push(id);
      asked++;
      continue;
    }
    for (const r of await receptionsOfDay(id.slice(DAY_PREFIX.length))) {
      const referred = r.issues.filter((i) => i.handling === 'referToCounty').map((i) => i.id);
      issueIds.push(...referred);
      asked += referred.length;
    }
  }
  return { issueIds, asked };
}

export async function loadAssignments(ids: readonly string[]): Promise<Loaded<AssignmentPrintModel>> {
  const db = getDb();
  const station = await stationHeader();
  const { issueIds, asked } = await expandAssignmentIds(ids);
  const found = await printQueriesRepo.issuesByIds(db, issueIds);
  const facts = await printQueriesRepo.countyFactsOf(db, found.map((f) => f.issue.id));
  const models = found.map(({ issue, reception }) => ({
    station,
    issue,
    reception,
    listNumber: null,
    countyRef: null,
    department: null,
    assignedAt: null,
    deadline: null,
    response: null,
    ...facts.get(issue.id),
  }));
  return { models, missing: asked - models.length };
}

/** `2026-03-01~2026-03-31`: the notice's period, as carried in the print route. */
export function parseNoticeRange(token: string): { fromDay: string; toDay: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/.exec(token);
  if (!m || m[1]! > m[2]!) return null;
  return { fromDay: m[1]!, toDay: m[2]! };
}

export async function loadNotices(ids: readonly string[]): Promise<Loaded<NoticePrintModel>> {
  const station = await stationHeader();
  const models: NoticePrintModel[] = [];
  for (const token of ids) {
    const range = parseNoticeRange(token);
    if (!range) continue;
    const handled = await printQueriesRepo.handledIssuesBetween(getDb(), range.fromDay, range.toDay);
    const facts = await printQueriesRepo.countyFactsOf(getDb(), handled.map((h) => h.issue.id));
    // Names of every reception: a visitor may be named in someone else's issue.
    const names = nameScrubber(await printQueriesRepo.knownVisitorNames(getDb()));
    const items = handled.map(({ issue, reception }) => {
      const mask = (text: string) => maskForNotice(text, names);
      return {
        code: issueRefCode(issue.id),
        category: mask(issue.category),
        enterprise: mask(enterprisesOf(reception.visitors)),
        visitors: reception.visitors.map((v) => maskName(v.name)),
        summary: mask(issue.summary),
        // The department's answer once the county sent it; the on-the-spot answer before.
        result: mask(facts.get(issue.id)?.response ?? issue.onSpotAnswer),
        status: issue.status,
      };
    });
    models.push({ station, ...range, items });
  }
  return { models, missing: ids.length - models.length };
}
