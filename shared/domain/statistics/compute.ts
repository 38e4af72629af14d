/**
 * The station's statistics for a period, computed from plain records (the 统计 screen and
 * the printed 统计报表 show exactly this). Pure: the renderer loads the rows, this counts.
 * Definitions (docs/statistics.md): receptions count by their time, issues by the time
 * they were recorded; each issue counts once, in the state it is in now; a corrected
 * rating counts only in its latest form.
 */
import { CHANNELS, HANDLING_MODES, type Channel, type HandlingMode, type IssueStatus } from '../enums';
import type { SatisfactionRating } from '../satisfaction';
import { inPeriod, monthsOf, type Period } from './period';
import { POINT_KINDS, pointsOf, type PointKind, type PointWeights } from './points';

export interface StatReception {
  id: string;
  channel: Channel;
  receivedAt: string;
  deputyIds: readonly string[];
  visitors: readonly { enterprise: string }[];
}

export interface StatCountyEvent {
  type: 'assigned' | 'responded' | 'published' | 'closed' | 'reopened';
  department: string;
  deadline: string | null;
  /** County clock. */
  at: string;
}

export interface StatIssue {
  id: string;
  receptionId: string;
  /** The channel of the issue's reception. */
  channel: Channel;
  recordedAt: string;
  category: string;
  handling: HandlingMode;
  suggestedDepartment: string;
  status: IssueStatus;
  /** The county's events, oldest first. */
  county: readonly StatCountyEvent[];
  /** The station closed its own follow-up (联络站协调) with a satisfied rating. */
  stationClosed: boolean;
}

export interface StatRating {
  id: string;
  issueId: string;
  rating: SatisfactionRating;
  recordedAt: string;
  supersedes: string | null;
}

export interface StatAction {
  issueId: string;
  kind: 'handBack' | 'progress' | 'result';
  /** Name of the deputy (or staff member) who did it, as entered. */
  by: string;
  /** When it happened. */
  at: string;
}

export interface StatDutyDay {
  id: string;
  date: string;
  deputyIds: readonly string[];
}

export interface StatDeputy {
  id: string;
  name: string;
  active: boolean;
  order: number;
}

export interface StatisticsInput {
  period: Period;
  /** Local day the report is made: a county deadline before it and unanswered counts as late. */
  asOf: string;
  receptions: readonly StatReception[];
  issues: readonly StatIssue[];
  ratings: readonly StatRating[];
  actions: readonly StatAction[];
  dutyDays: readonly StatDutyDay[];
  deputies: readonly StatDeputy[];
  weights: PointWeights;
}

export interface NamedCount {
  name: string;
  count: number;
}

export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when nothing was counted. */
  rate: number | null;
}

export interface VolumeRow {
  receptions: number;
  visitors: number;
  enterprises: number;
  issues: number;
}

export interface DeputyStatistics {
  deputyId: string;
  name: string;
  /** 1 for the most points; equal points share a rank. */
  rank: number;
  counts: Record<PointKind, number>;
  points: number;
}

export interface StationStatistics {
  period: Period;
  totals: VolumeRow;
  byMonth: (VolumeRow & { month: string })[];
  byChannel: (VolumeRow & { channel: Channel })[];
  byCategory: NamedCount[];
  bySuggestedDepartment: NamedCount[];
  byAssignedDepartment: NamedCount[];
  byHandling: { handling: HandlingMode; count: number }[];
  resolution: {
    solvedOnSpot: number;
    solvedByStation: number;
    answeredByCounty: number;
    closed: number;
    supervised: number;
    resolved: Rate;
    onTime: Rate;
    satisfaction: Rate & { satisfied: number; basicallySatisfied: number; unsatisfied: number };
  };
  deputies: DeputyStatistics[];
}

/** Text used where a department or category was left empty. */
export const UNSPECIFIED = '未填写';
export const NOT_ASSIGNED = '尚未交办';

const rate = (numerator: number, denominator: number): Rate => ({ numerator, denominator, rate: denominator === 0 ? null : numerator / denominator });

function sortedCounts(map: Map<string, number>): NamedCount[] {
  return [...map]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'zh-CN'));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

class Volume {
  receptions = 0;
  visitors = 0;
  issues = 0;
  readonly enterprises = new Set<string>();
  addReception(r: StatReception): void {
    this.receptions += 1;
    this.visitors += r.visitors.length;
    for (const v of r.visitors) {
      const name = v.enterprise.trim();
      if (name) this.enterprises.add(name);
    }
  }
  row(): VolumeRow {
    return { receptions: this.receptions, visitors: this.visitors, enterprises: this.enterprises.size, issues: this.issues };
  }
}

/** The rating that stands for each issue: the one no later rating corrects (the latest recorded if the chain is broken). */
export function currentRatings(ratings: readonly StatRating[]): Map<string, StatRating> {
  const superseded = new Set(ratings.flatMap((r) => (r.supersedes ? [r.supersedes] : [])));
  const current = new Map<string, StatRating>();
  for (const r of ratings) {
    if (superseded.has(r.id)) continue;
    const seen = current.get(r.issueId);
    if (!seen || r.recordedAt > seen.recordedAt) current.set(r.issueId, r);
  }
  return current;
}

/** The county deadline of an issue (its latest assignment's) and when the department first answered after it. */
export function deadlineAndAnswer(county: readonly StatCountyEvent[]): { deadline: string | null; answeredAt: string | null } {
  let deadline: string | null = null;
  let assignedIndex = -1;
  county.forEach((e, i) => {
    if (e.type === 'assigned') {
      assignedIndex = i;
      deadline = e.deadline;
    }
  });
  const answer = county.find((e, i) => i > assignedIndex && e.type === 'responded') ?? (assignedIndex === -1 ? county.find((e) => e.type === 'responded') : undefined);
  return { deadline, answeredAt: answer?.at ?? null };
}

export function computeStatistics(input: StatisticsInput): StationStatistics {
  const { period } = input;
  const receptions = input.receptions.filter((r) => inPeriod(period, r.receivedAt));
  const issues = input.issues.filter((i) => inPeriod(period, i.recordedAt));

  const total = new Volume();
  const months = new Map(monthsOf(period).map((m) => [m, new Volume()]));
  const channels = new Map(CHANNELS.map((c) => [c, new Volume()]));
  for (const r of receptions) {
    total.addReception(r);
    months.get(r.receivedAt.slice(0, 7))?.addReception(r);
    channels.get(r.channel)?.addReception(r);
  }

  const byCategory = new Map<string, number>();
  const bySuggested = new Map<string, number>();
  const byAssigned = new Map<string, number>();
  const byHandling = new Map<HandlingMode, number>(HANDLING_MODES.map((h) => [h, 0]));
  const ratings = currentRatings(input.ratings);
  let solvedOnSpot = 0;
  let solvedByStation = 0;
  let answeredByCounty = 0;
  let closed = 0;
  let supervised = 0;
  let onTime = 0;
  let withDeadline = 0;
  let satisfied = 0;
  let basicallySatisfied = 0;
  let unsatisfied = 0;
  for (const issue of issues) {
    total.issues += 1;
    const month = months.get(issue.recordedAt.slice(0, 7));
    if (month) month.issues += 1;
    const channel = channels.get(issue.channel);
    if (channel) channel.issues += 1;
    bump(byCategory, issue.category.trim() || UNSPECIFIED);
    bump(bySuggested, issue.suggestedDepartment.trim() || UNSPECIFIED);
    byHandling.set(issue.handling, (byHandling.get(issue.handling) ?? 0) + 1);
    if (issue.handling === 'referToCounty') {
      const assigned = issue.county.filter((e) => e.type === 'assigned').at(-1);
      bump(byAssigned, assigned ? assigned.department.trim() || UNSPECIFIED : NOT_ASSIGNED);
    }
    if (issue.handling === 'onSpot') solvedOnSpot += 1;
    if (issue.stationClosed) solvedByStation += 1;
    if (issue.county.some((e) => e.type === 'responded')) answeredByCounty += 1;
    if (issue.status === 'closed') closed += 1;
    if (issue.status === 'reopened') supervised += 1;

    const { deadline, answeredAt } = deadlineAndAnswer(issue.county);
    if (deadline) {
      const due = deadline.slice(0, 10);
      if (answeredAt) {
        withDeadline += 1;
        if (answeredAt.slice(0, 10) <= due) onTime += 1;
      } else if (due < input.asOf) withDeadline += 1;
    }
    const rating = ratings.get(issue.id);
    if (rating?.rating === 'satisfied') satisfied += 1;
    else if (rating?.rating === 'basicallySatisfied') basicallySatisfied += 1;
    else if (rating?.rating === 'unsatisfied') unsatisfied += 1;
  }

  return {
    period,
    totals: total.row(),
    byMonth: [...months].map(([month, v]) => ({ month, ...v.row() })),
    byChannel: [...channels].map(([channel, v]) => ({ channel, ...v.row() })),
    byCategory: sortedCounts(byCategory),
    bySuggestedDepartment: sortedCounts(bySuggested),
    byAssignedDepartment: sortedCounts(byAssigned),
    byHandling: HANDLING_MODES.map((handling) => ({ handling, count: byHandling.get(handling) ?? 0 })),
    resolution: {
      solvedOnSpot,
      solvedByStation,
      answeredByCounty,
      closed,
      supervised,
      // Resolved: answered and closed on the spot, or struck off (销号) by the county or the station.
      resolved: rate(solvedOnSpot + closed, issues.length),
      onTime: rate(onTime, withDeadline),
      satisfaction: { ...rate(satisfied + basicallySatisfied, satisfied + basicallySatisfied + unsatisfied), satisfied, basicallySatisfied, unsatisfied },
    },
    deputies: deputyStatistics(input, receptions),
  };
}

function deputyStatistics(input: StatisticsInput, receptions: readonly StatReception[]): DeputyStatistics[] {
  const { period } = input;
  const empty = (): Record<PointKind, number> => Object.fromEntries(POINT_KINDS.map((k) => [k, 0])) as Record<PointKind, number>;
  const counts = new Map(input.deputies.map((d) => [d.id, empty()]));
  const idsByName = new Map<string, string>();
  for (const d of input.deputies) if (!idsByName.has(d.name.trim())) idsByName.set(d.name.trim(), d.id);
  const add = (id: string, kind: PointKind) => {
    const c = counts.get(id);
    if (c) c[kind] += 1;
  };
  for (const day of input.dutyDays) {
    if (!inPeriod(period, day.date)) continue;
    for (const id of new Set(day.deputyIds)) add(id, 'dutyDay');
  }
  for (const r of receptions) {
    for (const id of new Set(r.deputyIds)) {
      add(id, 'reception');
      if (r.channel === 'enterpriseVisit') add(id, 'enterpriseVisit');
    }
  }
  const followed = new Map<string, Set<string>>();
  for (const a of input.actions) {
    if (!inPeriod(period, a.at)) continue;
    const id = idsByName.get(a.by.trim());
    if (!id) continue;
    if (a.kind === 'handBack') add(id, 'handBack');
    else {
      const set = followed.get(id) ?? new Set<string>();
      set.add(a.issueId);
      followed.set(id, set);
    }
  }
  for (const [id, set] of followed) {
    const c = counts.get(id);
    if (c) c.issueFollowed = set.size;
  }
  const order = new Map(input.deputies.map((d) => [d.id, d]));
  const rows = input.deputies
    .filter((d) => d.active || POINT_KINDS.some((k) => counts.get(d.id)![k] > 0))
    .map((d) => {
      const c = counts.get(d.id)!;
      return { deputyId: d.id, name: d.name, rank: 0, counts: c, points: pointsOf(c, input.weights) };
    })
    .sort((a, b) => b.points - a.points || order.get(a.deputyId)!.order - order.get(b.deputyId)!.order);
  rows.forEach((row, i) => {
    row.rank = i > 0 && rows[i - 1]!.points === row.points ? rows[i - 1]!.rank : i + 1;
  });
  return rows;
}
