/**
 * The statistics' own copy of the history (`statDays`, schema v12): per local day, what the
 * 统计 screen counts of that day's receptions and issues — ids, times, channel, deputies,
 * enterprises, category, handling, departments, status, the county's events without their
 * text, and whether the station closed its own follow-up — and nothing else.
 *
 * Each day is one row whose content is JSON text (encodeDay). Reading a year of whole rows cost
 * Chromium most of its time in turning each stored object back into a JavaScript object
 * (33,778 issue rows: 0.44 s; the same number of 120-character stat objects, one row per
 * issue or even 365 rows of objects, 0.3–0.6 s), while one string per day is copied as it
 * is and parsed by JSON.parse in a fraction of that (docs/benchmarks.md, "Statistics and 台账").
 *
 * Everything here is pure: `statIssueOf` and `statReceptionOf` are the only way entries are
 * made (the background build, every writer and the tests use them); `shownIssue` lays the
 * county inbox and the lists' receipts over an entry exactly as `readStates` does over a
 * state row (./issueStates.ts).
 */
import type { Channel, HandlingMode, IssueStatus } from '../../../shared/domain/enums';
import type { Reception } from '../../../shared/domain/schemas';
import type { StatIssue, StatReception } from '../../../shared/domain/statistics/compute';
import type { StatusUpdateType } from '../../../shared/protocol/index';
import { STATUS_OF, type InboxOverlay } from './countyInbox';
import type { IssueRow } from './rows';
import type { IssueStateRow } from './syncRows';

/** One day of the history as the statistics see it. */
export interface StatDayRow {
  /** Local day key, YYYY-MM-DD (or READY_KEY, PROGRESS_KEY). */
  day: string;
  /** JSON of the day's entries as arrays (see encodeDay), ASCII only; the markers' value. */
  data: string;
  /** JSON array of the texts the entries name by index: categories, departments, enterprises. */
  names?: string;
}

/** Present (with the format version) once every day of the history has its row. */
export const READY_KEY = '~ready';
/** While the rows are built: `${STAT_FORMAT}:${last month built}`. Both keys sort after every day. */
export const PROGRESS_KEY = '~progress';
export const STAT_FORMAT = 2;

export interface StatDay {
  receptions: StatReceptionEntry[];
  issues: StatIssueEntry[];
}

export interface StatReceptionEntry {
  id: string;
  receivedAt: string;
  channel: Channel;
  deputyIds: string[];
  /** One per visitor, as entered (so their number is the number of visitors). */
  enterprises: string[];
}

export interface StatCountyEntry {
  seq: number;
  type: StatusUpdateType;
  department: string;
  deadline: string | null;
  at: string;
}

export interface StatIssueEntry {
  id: string;
  receptionId: string;
  recordedAt: string;
  /** The channel of the issue's reception when it was last saved. */
  channel: Channel;
  category: string;
  handling: HandlingMode;
  suggestedDepartment: string;
  /** As stored in the state row (never `submitted`; see shownIssue). */
  status: IssueStatus;
  listId: string;
  county: StatCountyEntry[];
  stationClosed: boolean;
}

/** The day an entry belongs to: the local date written in the stored time. */
export const dayOf = (isoOrDay: string): string => isoOrDay.slice(0, 10);

export const emptyDay = (): StatDay => ({ receptions: [], issues: [] });

/*
 * Stored layout: entries as arrays, and every text (category, department, enterprise) once
 * per day in `names`, named by its index. What is left in `data` is ids, times and codes,
 * all ASCII, so Chromium keeps and copies it one byte per character: a year of the
 * benchmark's history is ≈ 6 MB instead of ≈ 30 MB of two-byte JSON with field names.
 */
type CountyTuple = [seq: number, type: StatusUpdateType, department: number, deadline: string | null, at: string];
type IssueTuple = [id: string, receptionId: string, recordedAt: string, channel: Channel, category: number, handling: HandlingMode, suggestedDepartment: number, status: IssueStatus, listId: string, county: CountyTuple[], stationClosed: 0 | 1];
type ReceptionTuple = [id: string, receivedAt: string, channel: Channel, deputyIds: string[], enterprises: number[]];

export function decodeDay(row: StatDayRow | undefined): StatDay {
  if (!row) return emptyDay();
  const parsed = JSON.parse(row.data) as unknown;
  // A row of an earlier format is rebuilt by buildStatDays (its marker no longer matches); until then it counts as empty.
  if (!Array.isArray(parsed) || row.names === undefined) return emptyDay();
  const names = JSON.parse(row.names) as string[];
  const [receptions, issues] = parsed as [ReceptionTuple[], IssueTuple[]];
  return {
    receptions: receptions.map(([id, receivedAt, channel, deputyIds, enterprises]) => ({ id, receivedAt, channel, deputyIds, enterprises: enterprises.map((n) => names[n]!) })),
    issues: issues.map(([id, receptionId, recordedAt, channel, category, handling, suggestedDepartment, status, listId, county, stationClosed]) => ({
      id,
      receptionId,
      recordedAt,
      channel,
      category: names[category]!,
      handling,
      suggestedDepartment: names[suggestedDepartment]!,
      status,
      listId,
      county: county.map(([seq, type, department, deadline, at]) => ({ seq, type, department: names[department]!, deadline, at })),
      stationClosed: stationClosed === 1,
    })),
  };
}

export function encodeDay(day: string, content: StatDay): StatDayRow {
  const names: string[] = [];
  const index = new Map<string, number>();
  const name = (text: string) => {
    let n = index.get(text);
    if (n === undefined) {
      n = names.push(text) - 1;
      index.set(text, n);
    }
    return n;
  };
  const receptions = content.receptions.map((r): ReceptionTuple => [r.id, r.receivedAt, r.channel, r.deputyIds, r.enterprises.map(name)]);
  const issues = content.issues.map((i): IssueTuple => [
    i.id,
    i.receptionId,
    i.recordedAt,
    i.channel,
    name(i.category),
    i.handling,
    name(i.suggestedDepartment),
    i.status,
    i.listId,
    i.county.map((u): CountyTuple => [u.seq, u.type, name(u.department), u.deadline, u.at]),
    i.stationClosed ? 1 : 0,
  ]);
  return { day, data: JSON.stringify([receptions, issues]), names: JSON.stringify(names) };
}

export function statReceptionOf(r: Pick<Reception, 'id' | 'receivedAt' | 'channel' | 'deputyIds' | 'visitors'>): StatReceptionEntry {
  return { id: r.id, receivedAt: r.receivedAt, channel: r.channel, deputyIds: [...r.deputyIds], enterprises: r.visitors.map((v) => v.enterprise) };
}

/** The state's part of an entry (what sealing, county updates and the station's follow-up change). */
export function statStateOf(state: IssueStateRow | undefined): Pick<StatIssueEntry, 'status' | 'listId' | 'county' | 'stationClosed'> {
  // A missing state reads as a never-sealed, recorded issue (convert.ts rowToIssue).
  if (!state) return { status: 'recorded', listId: '', county: [], stationClosed: false };
  return {
    status: state.status,
    listId: state.listId,
    county: state.county.map((u) => ({ seq: u.seq, type: u.type, department: u.department, deadline: u.deadline, at: u.at })),
    stationClosed: (state.track?.closedAt ?? null) !== null,
  };
}

/**
 * An issue's entry from its stored row, its reception's channel (`walkIn` when the
 * reception is missing, as the statistics' input reads it) and its stored state.
 */
export function statIssueOf(row: IssueRow, channel: Channel | undefined, state: IssueStateRow | undefined): StatIssueEntry {
  return {
    id: row.id,
    receptionId: row.receptionId,
    recordedAt: row.recordedAt,
    channel: channel ?? 'walkIn',
    category: row.category,
    handling: row.handling,
    suggestedDepartment: row.suggestedDepartment,
    ...statStateOf(state),
  };
}

/**
 * The entry as the station shows it (./issueStates.ts readStates): county updates still
 * waiting in the inbox with a seq above the last one held are appended and the last sets
 * the status; then `recorded` in a list the county acknowledged reads as `submitted`.
 */
export function shownIssue(entry: StatIssueEntry, overlay: InboxOverlay, acknowledged: ReadonlySet<string>): StatIssue {
  let status = entry.status;
  let county: readonly StatCountyEntry[] = entry.county;
  const waiting = overlay.get(entry.id);
  if (waiting) {
    let last = county.at(-1)?.seq ?? 0;
    const added: StatCountyEntry[] = [];
    for (const u of waiting) {
      if (u.seq <= last) continue;
      added.push({ seq: u.seq, type: u.type, department: u.department, deadline: u.deadline, at: u.at });
      last = u.seq;
    }
    if (added.length > 0) {
      status = STATUS_OF[added.at(-1)!.type];
      county = [...county, ...added];
    }
  }
  if (status === 'recorded' && entry.listId !== '' && acknowledged.has(entry.listId)) status = 'submitted';
  return {
    id: entry.id,
    receptionId: entry.receptionId,
    channel: entry.channel,
    recordedAt: entry.recordedAt,
    category: entry.category,
    handling: entry.handling,
    suggestedDepartment: entry.suggestedDepartment,
    status,
    county: county.map(({ type, department, deadline, at }) => ({ type, department, deadline, at })),
    stationClosed: entry.stationClosed,
  };
}

export function shownReception(entry: StatReceptionEntry): StatReception {
  return { id: entry.id, channel: entry.channel, receivedAt: entry.receivedAt, deputyIds: entry.deputyIds, visitors: entry.enterprises.map((enterprise) => ({ enterprise })) };
}
