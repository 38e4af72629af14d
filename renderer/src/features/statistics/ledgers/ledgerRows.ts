/**
 * The three 台账 as plain sheets, from the period's records: 来访接待登记台账 (one row
 * per visitor, with the phone number: the register is where the station calls back from),
 * 问题台账 (one row per issue, no personal data but the enterprise) and 代表履职台账 (per
 * deputy and day, and the 履职积分 summary). Pure, so the same rows are tested cell by cell.
 * Times are the wall clock written in the stored local ISO strings (the station's own time).
 */
import { CHANNEL_LABELS, HANDLING_LABELS, ISSUE_STATUS_LABELS } from '../../../../../shared/domain/enums';
import { issueRefCode } from '../../../../../shared/domain/masking';
import { compareIssues, issueKey } from '../../../../../shared/domain/ordering';
import { RATING_LABELS } from '../../../../../shared/domain/satisfaction';
import type { StationSettings } from '../../../../../shared/domain/schemas';
import { currentRatings, deadlineAndAnswer, type StationStatistics } from '../../../../../shared/domain/statistics/compute';
import { periodLabel } from '../../../../../shared/domain/statistics/period';
import type { PeriodRecords } from '../../../db';
import { LEDGER_HEADERS, T } from '../strings';
import { dayCell, type CellValue, type ColumnKind, type LedgerColumn, type LedgerKind, type LedgerSpec } from './ledgerSpec';

export interface LedgerContext {
  station: Pick<StationSettings, 'name'>;
  records: PeriodRecords;
  /** The same numbers the 统计 screen shows (for the 履职积分 summary). */
  statistics: StationStatistics;
  /** Local day the ledger is made. */
  today: string;
}

function columns(headers: readonly string[], kinds: ColumnKind[]): LedgerColumn[] {
  return headers.map((header, i) => ({ header, kind: kinds[i] ?? 'text' }));
}

function subtitle(ctx: LedgerContext): string {
  const p = ctx.records.period;
  return `${T.period}：${periodLabel(p)}（${p.from} 至 ${p.to}）    ${T.made(ctx.today)}`;
}

function fileName(ctx: LedgerContext, kind: LedgerKind): string {
  return `${ctx.station.name}${T.ledgerNames[kind]}-${periodLabel(ctx.records.period).replace(/\s+/g, '')}`.replace(/[\\/:*?"<>|]/g, '-');
}

function deputyNames(ctx: LedgerContext): Map<string, string> {
  return new Map(ctx.records.deputies.map((d) => [d.id, d.name]));
}

export function visitorLedger(ctx: LedgerContext): LedgerSpec {
  const names = deputyNames(ctx);
  const issuesByReception = new Map<string, PeriodRecords['issues']>();
  for (const i of ctx.records.issues) {
    const list = issuesByReception.get(i.issue.receptionId) ?? [];
    list.push(i);
    issuesByReception.set(i.issue.receptionId, list);
  }
  const receptions = [...ctx.records.receptions].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  const rows: CellValue[][] = [];
  for (const r of receptions) {
    const issues = (issuesByReception.get(r.id) ?? []).map((i) => i.issue).sort((a, b) => a.seq - b.seq);
    const deputies = r.deputyIds.map((id) => names.get(id) ?? '').filter(Boolean).join('、');
    const categories = [...new Set(issues.map((i) => i.category))].join('、');
    const summaries = issues.map((i, n) => (issues.length > 1 ? `${n + 1}. ${i.summary}` : i.summary)).join('\n');
    const handling = [...new Set(issues.map((i) => HANDLING_LABELS[i.handling]))].join('、');
    for (const v of r.visitors) {
      rows.push([rows.length + 1, dayCell(r.receivedAt), r.receivedAt.slice(11, 16), CHANNEL_LABELS[r.channel], deputies, v.name, v.phone, v.enterprise, v.position, issues.length, categories, summaries, handling]);
    }
  }
  return {
    kind: 'visitors',
    fileName: fileName(ctx, 'visitors'),
    creator: ctx.station.name,
    sheets: [
      {
        name: T.ledgerNames.visitors,
        title: `${ctx.station.name}${T.ledgerNames.visitors}`,
        subtitle: subtitle(ctx),
        columns: columns(LEDGER_HEADERS.visitors, ['int', 'date', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'longText', 'text']),
        rows,
      },
    ],
  };
}

export function issueLedger(ctx: LedgerContext): LedgerSpec {
  const ratings = currentRatings(ctx.records.ratings);
  const results = new Map<string, string>();
  for (const a of [...ctx.records.actions].sort((x, y) => x.recordedAt.localeCompare(y.recordedAt))) if (a.kind === 'result') results.set(a.issueId, a.text);
  const issues = [...ctx.records.issues].sort((a, b) =>
    a.reception && b.reception ? compareIssues(issueKey(a.issue, a.reception), issueKey(b.issue, b.reception)) : a.issue.recordedAt.localeCompare(b.issue.recordedAt),
  );
  const rows: CellValue[][] = issues.map(({ issue, reception, county, track, listNumber }, n) => {
    const assigned = county.filter((e) => e.type === 'assigned').at(-1);
    const answer = county.filter((e) => e.type === 'responded').at(-1);
    const { deadline } = deadlineAndAnswer(county);
    const closedEvent = county.filter((e) => e.type === 'closed').at(-1);
    const rating = ratings.get(issue.id);
    const enterprise = [...new Set((reception?.visitors ?? []).map((v) => v.enterprise.trim()).filter(Boolean))].join('、');
    const handlingText = [issue.onSpotAnswer, results.get(issue.id) ?? ''].filter(Boolean).join('\n');
    const closedAt =
      issue.status === 'resolvedOnSpot' ? issue.recordedAt : issue.status === 'closed' ? (track.closedAt ?? closedEvent?.at ?? null) : null;
    return [
      n + 1,
      issueRefCode(issue.id),
      listNumber ?? '',
      issue.category,
      enterprise,
      issue.summary,
      issue.request,
      HANDLING_LABELS[issue.handling],
      handlingText,
      issue.suggestedDepartment,
      assigned?.department ?? '',
      dayCell(deadline),
      answer?.response ?? '',
      dayCell(answer?.at),
      rating ? RATING_LABELS[rating.rating] : '',
      ISSUE_STATUS_LABELS[issue.status],
      dayCell(issue.recordedAt),
      dayCell(closedAt),
    ];
  });
  return {
    kind: 'issues',
    fileName: fileName(ctx, 'issues'),
    creator: ctx.station.name,
    sheets: [
      {
        name: T.ledgerNames.issues,
        title: `${ctx.station.name}${T.ledgerNames.issues}`,
        subtitle: subtitle(ctx),
        columns: columns(LEDGER_HEADERS.issues, ['int', 'text', 'text', 'text', 'text', 'longText', 'longText', 'text', 'longText', 'text', 'text', 'date', 'longText', 'date', 'text', 'text', 'date', 'date']),
        rows,
      },
    ],
  };
}

export function deputyLedger(ctx: LedgerContext): LedgerSpec {
  const { records } = ctx;
  const dutyByDate = new Map(records.dutyDays.map((d) => [d.date, d]));
  const issuesByReception = new Map<string, number>();
  for (const i of records.issues) issuesByReception.set(i.issue.receptionId, (issuesByReception.get(i.issue.receptionId) ?? 0) + 1);
  const rows: CellValue[][] = [];
  for (const deputy of records.deputies) {
    const days = new Map<string, { receptions: number; visitors: number; issues: number; visits: number }>();
    const day = (date: string) => {
      const d = days.get(date) ?? { receptions: 0, visitors: 0, issues: 0, visits: 0 };
      days.set(date, d);
      return d;
    };
    for (const duty of records.dutyDays) if (duty.deputyIds.includes(deputy.id)) day(duty.date);
    for (const r of records.receptions) {
      if (!r.deputyIds.includes(deputy.id)) continue;
      const d = day(r.receivedAt.slice(0, 10));
      d.receptions += 1;
      d.visitors += r.visitors.length;
      d.issues += issuesByReception.get(r.id) ?? 0;
      if (r.channel === 'enterpriseVisit') d.visits += 1;
    }
    for (const date of [...days.keys()].sort()) {
      const d = days.get(date)!;
      const onDuty = dutyByDate.get(date)?.deputyIds.includes(deputy.id) ?? false;
      rows.push([rows.length + 1, deputy.name, deputy.level, dayCell(date), onDuty ? LEDGER_HEADERS.yes : LEDGER_HEADERS.no, d.receptions, d.visitors, d.issues, d.visits]);
    }
  }
  const points: CellValue[][] = ctx.statistics.deputies.map((d) => [
    d.rank,
    d.name,
    d.counts.dutyDay,
    d.counts.reception,
    d.counts.issueFollowed,
    d.counts.handBack,
    d.counts.enterpriseVisit,
    d.points,
  ]);
  const title = `${ctx.station.name}${T.ledgerNames.deputies}`;
  return {
    kind: 'deputies',
    fileName: fileName(ctx, 'deputies'),
    creator: ctx.station.name,
    sheets: [
      {
        name: LEDGER_HEADERS.deputyDaysSheet,
        title,
        subtitle: subtitle(ctx),
        columns: columns(LEDGER_HEADERS.deputyDays, ['int', 'text', 'text', 'date', 'text', 'int', 'int', 'int', 'int']),
        rows,
      },
      {
        name: LEDGER_HEADERS.deputyPointsSheet,
        title: `${title}（${LEDGER_HEADERS.deputyPointsSheet}）`,
        subtitle: subtitle(ctx),
        columns: columns(LEDGER_HEADERS.deputyPoints, ['int', 'text', 'int', 'int', 'int', 'int', 'int', 'decimal']),
        rows: points,
      },
    ],
  };
}

export const LEDGER_BUILDERS: Record<LedgerKind, (ctx: LedgerContext) => LedgerSpec> = {
  visitors: visitorLedger,
  issues: issueLedger,
  deputies: deputyLedger,
};
