/**
 * Loads the read models of the printed forms from the repositories (read-only).
 * Each loader returns the models found and how many requested ids were missing, so the
 * screen can say so instead of silently printing less.
 */
import { issueRefCode, maskForNotice, maskName } from '../../../../shared/domain/masking';
import { dayKeyOfIso } from '../../../../shared/domain/time';
import { dutyDaysRepo, getDb, printQueriesRepo, receptionsRepo, stationRepo } from '../../db';
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

export async function loadReceptions(ids: readonly string[]): Promise<Loaded<ReceptionPrintModel>> {
  const db = getDb();
  const [station, names] = await Promise.all([stationHeader(), deputyNameMap()]);
  const found = await Promise.all(ids.map((id) => receptionsRepo.getReception(db, id)));
  const models = found.flatMap((r) =>
    r
      ? [{ station, reception: r.reception, issues: r.issues, deputyNames: r.reception.deputyIds.map((id) => names.get(id) ?? '(已删除的代表)') }]
      : [],
  );
  return { models, missing: ids.length - models.length };
}

/** Prefix of an issue-list id that stands for the draft list of one duty day. */
export const DRAFT_LIST_PREFIX = 'day-';

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
    if (!id.startsWith(DRAFT_LIST_PREFIX)) {
      const list = await printQueriesRepo.getSealedList(db, id);
      if (!list) continue;
      const rows = list.payload.issues.map((i) => ({
        seq: i.seq,
        category: i.category,
        summary: i.amendsIssueId ? `(更正)${i.summary}` : i.summary,
        request: i.request,
        handling: i.handling,
        suggestedDepartment: i.suggestedDepartment,
        enterprise: enterprisesOf(i.visitors),
      }));
      models.push({ station: { ...station, name: list.payload.stationName }, id, number: list.number, date: dayKeyOfIso(list.sealedAt), rows });
      continue;
    }
    const dayId = id.slice(DRAFT_LIST_PREFIX.length);
    const day = await dutyDaysRepo.getDutyDay(db, dayId);
    if (!day) continue;
    const receptions = await receptionsRepo.receptionsOfDutyDay(db, dayId);
    const ordered = [...receptions].sort((a, b) => a.reception.receivedAt.localeCompare(b.reception.receivedAt));
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

export async function loadAssignments(ids: readonly string[]): Promise<Loaded<AssignmentPrintModel>> {
  const db = getDb();
  const station = await stationHeader();
  const found = await printQueriesRepo.issuesByIds(db, ids);
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
  return { models, missing: ids.length - models.length };
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
    const items = handled.map(({ issue, reception }) => {
      const names = reception.visitors.map((v) => v.name);
      const mask = (text: string) => maskForNotice(text, names);
      return {
        code: issueRefCode(issue.id),
        category: mask(issue.category),
        enterprise: mask(enterprisesOf(reception.visitors)),
        visitors: reception.visitors.map((v) => maskName(v.name)).join('、'),
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
