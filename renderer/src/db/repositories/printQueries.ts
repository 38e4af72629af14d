/**
 * Read-only queries for the printed forms (features/printing): issues with their
 * reception, handled issues of a date range for the public notice, and the lookup of
 * a notice's short reference code, sealed lists and what the county said about an
 * issue (assignment, deadline, response). Writes nothing.
 */
import { issueRefCode, normalizeRefCode } from '../../../../shared/domain/masking';
import type { IssueStatus } from '../../../../shared/domain/enums';
import { compareIssues, issueKey } from '../../../../shared/domain/ordering';
import type { Issue, Reception } from '../../../../shared/domain/schemas';
import type { StationDb } from '../database';
import { readStates, stateTables, withStates } from '../issueStates';
import type { IssueList, IssueListSummary } from '../syncRows';
import { getIssueList } from './issueLists';

export interface IssueWithReception {
  issue: Issue;
  reception: Reception;
}

/** Statuses whose result may go on the wall (公示): the issue has been answered. */
export const NOTICE_STATUSES: readonly IssueStatus[] = ['resolvedOnSpot', 'responded', 'published', 'closed'];

async function withReceptions(db: StationDb, issues: Issue[]): Promise<IssueWithReception[]> {
  const ids = [...new Set(issues.map((i) => i.receptionId))];
  const receptions = new Map((await db.receptions.bulkGet(ids)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  return issues.flatMap((issue) => {
    const reception = receptions.get(issue.receptionId);
    return reception ? [{ issue, reception }] : [];
  });
}

/** The issues asked for, in the order asked, skipping ids that do not exist. */
export async function issuesByIds(db: StationDb, ids: readonly string[]): Promise<IssueWithReception[]> {
  return db.transaction('r', [db.issues, db.receptions, ...stateTables(db)], async () => {
    const rows = await db.issues.bulkGet([...ids]);
    return withReceptions(db, await withStates(db, rows.flatMap((r) => (r ? [r] : []))));
  });
}

/** Handled issues recorded between two local days (inclusive), in list order (shared/domain/ordering.ts). */
export async function handledIssuesBetween(db: StationDb, fromDay: string, toDay: string): Promise<IssueWithReception[]> {
  return db.transaction('r', [db.issues, db.receptions, ...stateTables(db)], async () => {
    // recordedAt is a local ISO string, so day keys bound it lexicographically.
    const rows = await db.issues.where('recordedAt').between(fromDay, `${toDay}\uffff`, true, true).toArray();
    const issues = (await withStates(db, rows)).filter((i) => NOTICE_STATUSES.includes(i.status));
    const found = await withReceptions(db, issues);
    return found.sort((a, b) => compareIssues(issueKey(a.issue, a.reception), issueKey(b.issue, b.reception)));
  });
}

/**
 * Every visitor name the station has recorded, for masking posted text: a visitor is
 * often named in another reception's issue (陈林 speaking for 伍盛华's factory), so the
 * notice masks the names of all receptions, not only the issue's own. Names only, read
 * once per printed notice.
 */
export async function knownVisitorNames(db: StationDb): Promise<string[]> {
  const names = new Set<string>();
  // Pages of NAMES_PAGE rows by id (one getAll each), not a cursor: a cursor costs a round
  // trip per reception, seconds on a long history, while pages keep memory bounded.
  let last: string | null = null;
  for (;;) {
    const from = last === null ? db.receptions.orderBy(':id') : db.receptions.where(':id').above(last);
    const page: Reception[] = await from.limit(NAMES_PAGE).toArray();
    for (const r of page) for (const v of r.visitors) if (v.name.trim() !== '') names.add(v.name.trim());
    if (page.length < NAMES_PAGE) break;
    last = page[page.length - 1]!.id;
  }
  return [...names];
}

export const NAMES_PAGE = 2000;

/** Ids of every issue whose reference code matches what a visitor quoted (collisions are possible). */
export async function issueIdsByRefCode(db: StationDb, code: string): Promise<string[]> {
  const wanted = normalizeRefCode(code);
  if (wanted === '') return [];
  const ids = await db.issues.toCollection().primaryKeys();
  return ids.filter((id) => issueRefCode(id) === wanted);
}

/** A sealed issue list exactly as it was sealed (and sent), or undefined. */
export function getSealedList(db: StationDb, id: string): Promise<IssueList | undefined> {
  return getIssueList(db, id);
}

/** Newest sealed lists first, for choosing what to print. */
export function recentSealedLists(db: StationDb, limit = 50): Promise<IssueListSummary[]> {
  return db.issueLists.orderBy('[year+seq]').reverse().limit(limit).toArray();
}

/** What the county has told the station about one issue, as printed on the assignment form. */
export interface CountyFacts {
  listNumber: string | null;
  countyRef: string | null;
  department: string | null;
  assignedAt: string | null;
  deadline: string | null;
  response: string | null;
}

export async function countyFactsOf(db: StationDb, issueIds: readonly string[]): Promise<Map<string, CountyFacts>> {
  return db.transaction('r', stateTables(db), async () => {
    const rows = await readStates(db, issueIds);
    const listIds = [...new Set(rows.flatMap((r) => (r?.listId ? [r.listId] : [])))];
    const lists = new Map((await db.issueLists.bulkGet(listIds)).flatMap((l) => (l ? [[l.id, l] as const] : [])));
    const facts = new Map<string, CountyFacts>();
    for (const row of rows) {
      if (!row) continue;
      const updates = row.county;
      // Later events win: a reassignment replaces the department, a second answer the first.
      const assigned = updates.filter((u) => u.type === 'assigned').at(-1);
      const responded = updates.filter((u) => u.type === 'responded').at(-1);
      const list = row.listId ? lists.get(row.listId) : undefined;
      facts.set(row.id, {
        listNumber: list?.number ?? null,
        countyRef: row.countyRef ?? list?.countyRef ?? null,
        department: assigned?.department || null,
        assignedAt: assigned?.at ?? null,
        deadline: assigned?.deadline ?? null,
        response: responded?.response || null,
      });
    }
    return facts;
  });
}
