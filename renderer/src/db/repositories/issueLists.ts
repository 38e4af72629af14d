/**
 * Sealing: turns recorded issues into numbered, immutable issue lists (问题清单).
 *
 * One seal is one transaction that reads the per-station, per-year counter, writes the
 * list(s), marks the issues sealed and queues the outbox entry, so numbers never repeat
 * or skip even offline or with two windows sealing at once (IndexedDB serializes the
 * read-write transactions). A list never changes after sealing; an issue edited after
 * its list was sealed travels again as an amendment entry in the next list.
 */
import type { Table } from 'dexie';
import { newId } from '../../../../shared/domain/ids';
import { compareIssues, issueKey } from '../../../../shared/domain/ordering';
import { toLocalIso } from '../../../../shared/domain/time';
import {
  MAX_ISSUES_PER_LIST,
  formatListNumber,
  issueListPayloadSchema,
  type IssueListPayload,
  type ListIssue,
} from '../../../../shared/protocol/index';
import type { StationDb } from '../database';
import { putStateStats } from '../statDays';
import type { IssueRow, ReceptionRow } from '../rows';
import type { IssueList, IssueListSummary, IssueStateRow, OutboxItem } from '../syncRows';
import { withSealState } from '../issueStates';
import { addAudit } from './audit';
import { SealingWaitsForReconcile, needsReconcile } from './reconcile';

/** An issue's content and its state, as sealing reads them. */
interface Candidate {
  row: IssueRow;
  state: IssueStateRow;
}

/** Which issues a seal takes: one duty day's, or every unsealed issue outside an open duty day. */
export type SealScope = { dutyDayId: string } | { loose: true };

/** Tables a transaction must include to call sealWithin(). */
export function sealTables(db: StationDb): Table[] {
  return [db.settings, db.deputies, db.dutyDays, db.receptions, db.issues, db.issueStates, db.issueLists, db.countyInbox, db.listIssues, db.issueListPayloads, db.counters, db.outbox, db.auditLog, db.syncState, db.statDays];
}

async function candidates(db: StationDb, scope: SealScope): Promise<Candidate[]> {
  if ('dutyDayId' in scope) {
    const rows = await db.issues.where('dutyDayId').equals(scope.dutyDayId).toArray();
    const states = await db.issueStates.bulkGet(rows.map((r) => r.id));
    return rows.flatMap((row, i) => {
      const state = states[i];
      if (!state) throw new Error(`Issue ${row.id} has no state row`);
      return state.sealState === 'sealed' ? [] : [{ row, state }];
    });
  }
  const openDays = new Set((await db.dutyDays.where('status').equals('open').toArray()).map((d) => d.id));
  const states = await db.issueStates.where('pendingSeal').equals(1).toArray();
  const rows = await db.issues.bulkGet(states.map((s) => s.id));
  // Issues of a duty day still open are sealed when that day closes.
  return states.flatMap((state, i) => {
    const row = rows[i];
    if (!row) throw new Error(`Issue state ${state.id} has no issue row`);
    return row.dutyDayId === null || !openDays.has(row.dutyDayId) ? [{ row, state }] : [];
  });
}


function entryOf({ row, state }: Candidate, seq: number, reception: ReceptionRow, deputyNames: string[]): ListIssue {
  const amended = state.sealState === 'amended';
  return {
    // The county keys issues by id, so a correction needs an id of its own.
    id: amended ? newId() : row.id,
    seq,
    receptionId: row.receptionId,
    channel: reception.channel,
    category: row.category,
    summary: row.summary,
    request: row.request,
    onSpotAnswer: row.onSpotAnswer,
    handling: row.handling,
    suggestedDepartment: row.suggestedDepartment,
    recordedAt: row.recordedAt,
    deputyNames,
    visitors: reception.visitors.map((v) => ({ name: v.name, phone: v.phone, enterprise: v.enterprise, position: v.position })),
    amendsIssueId: amended ? row.id : null,
  };
}

/**
 * Seals the issues in scope into as many lists as needed (at most MAX_ISSUES_PER_LIST
 * issues each). Must run inside a rw transaction over sealTables(db). Returns [] when
 * there is nothing to seal: no number is used up by an empty list.
 */
export async function sealWithin(db: StationDb, scope: SealScope, now: Date = new Date()): Promise<IssueList[]> {
  const rows = await candidates(db, scope);
  if (rows.length === 0) return [];
  // A restored database may not know the numbers the county already holds (./reconcile.ts).
  if (await needsReconcile(db)) throw new SealingWaitsForReconcile();
  const station = (await db.settings.get('station'))?.value;
  if (!station) throw new Error('Station is not set up');
  const receptionIds = [...new Set(rows.map((c) => c.row.receptionId))];
  const receptions = new Map((await db.receptions.bulkGet(receptionIds)).flatMap((r) => (r ? [[r.id, r] as const] : [])));
  // The one list order (shared/domain/ordering.ts); each entry's seq records it for good.
  const keyOf = ({ row }: Candidate) => issueKey(row, receptions.get(row.receptionId) ?? { receivedAt: row.recordedAt });
  rows.sort((a, b) => compareIssues(keyOf(a), keyOf(b)));
  const deputies = new Map((await db.deputies.toArray()).map((d) => [d.id, d.name]));
  const year = now.getFullYear();
  const counterKey = `${station.stationId}:${year}`;
  const sealedAt = toLocalIso(now);
  const lists: IssueList[] = [];

  for (let start = 0; start < rows.length; start += MAX_ISSUES_PER_LIST) {
    const chunk = rows.slice(start, start + MAX_ISSUES_PER_LIST);
    const counter = (await db.counters.get(counterKey)) ?? { key: counterKey, stationId: station.stationId, year, last: 0 };
    const seq = counter.last + 1;
    await db.counters.put({ ...counter, last: seq });
    const entries = chunk.map((c, i) => {
      const reception = receptions.get(c.row.receptionId);
      if (!reception) throw new Error(`Reception ${c.row.receptionId} of issue ${c.row.id} not found`);
      const names = reception.deputyIds.flatMap((id) => (deputies.has(id) ? [deputies.get(id)!] : []));
      return entryOf(c, i + 1, reception, names);
    });
    const amendedLists = [...new Set(chunk.filter((c) => c.state.sealState === 'amended').map((c) => c.state.listId))];
    const amendsListId = amendedLists.length === 1 && amendedLists[0] ? amendedLists[0] : null;
    const payload: IssueListPayload = {
      listNumber: { year, seq },
      stationName: station.name,
      sealedAt,
      amendsListId,
      issues: entries,
    };
    const checked = issueListPayloadSchema.safeParse(payload);
    if (!checked.success) throw new Error(`Sealed list would be invalid: ${checked.error.message}`);
    const list: IssueList = {
      id: newId(now.getTime()),
      stationId: station.stationId,
      year,
      seq,
      number: formatListNumber({ year, seq }),
      sealedAt,
      dutyDayId: 'dutyDayId' in scope ? scope.dutyDayId : null,
      issueIds: chunk.map((c) => c.row.id),
      amendments: amendedLists.length === 0 ? 0 : chunk.filter((c) => c.state.sealState === 'amended').length,
      amendsListId,
      payload,
      state: 'sealed',
      countyRef: null,
      receivedAt: null,
      problem: '',
    };
    const outboxItem: OutboxItem = {
      id: newId(now.getTime()),
      kind: 'issueList',
      itemId: list.id,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      lastError: '',
      // UTC so that the outbox's oldest-first order survives a time-zone change.
      createdAt: new Date(now.getTime()).toISOString(),
    };
    const { payload: _payload, ...summary } = list;
    await db.issueLists.add(summary);
    await db.listIssues.add({ id: list.id, issueIds: list.issueIds });
    await db.issueListPayloads.add({ id: list.id, payload });
    await db.outbox.add(outboxItem);
    const sealed = chunk.map(({ state }) => withSealState({ ...state, listId: state.listId || list.id }, 'sealed'));
    await db.issueStates.bulkPut(sealed);
    await putStateStats(db, sealed);
    await addAudit(db, 'issueList.seal', 'issueList', list.id, { number: list.number, issues: chunk.length, amendments: list.amendments });
    lists.push(list);
  }
  return lists;
}

/** "封存未归档问题": seals every unsealed or corrected issue outside an open duty day. */
export async function sealNow(db: StationDb, now: Date = new Date()): Promise<IssueList[]> {
  return db.transaction('rw', sealTables(db), () => sealWithin(db, { loose: true }, now));
}

/** Issues that the next "seal now" would take (new or corrected). */
export async function countUnsealed(db: StationDb): Promise<number> {
  return db.transaction('r', [db.issues, db.issueStates, db.dutyDays], async () => (await candidates(db, { loose: true })).length);
}

/** One list with its payload. */
export async function getIssueList(db: StationDb, id: string): Promise<IssueList | undefined> {
  return db.transaction('r', [db.issueLists, db.issueListPayloads], async () => {
    const [summary, row] = await Promise.all([db.issueLists.get(id), db.issueListPayloads.get(id)]);
    return summary && row ? { ...summary, payload: row.payload } : undefined;
  });
}

/** What the county receives for a list. */
export async function payloadOf(db: StationDb, id: string): Promise<IssueList['payload'] | undefined> {
  return (await db.issueListPayloads.get(id))?.payload;
}

/** Newest first, without payloads. */
export function listIssueLists(db: StationDb, limit = 200): Promise<IssueListSummary[]> {
  return db.issueLists.orderBy('[year+seq]').reverse().limit(limit).toArray();
}

/** Lists that carried this issue, oldest first (the original, then any corrections). */
export async function listsOfIssue(db: StationDb, issueId: string): Promise<IssueListSummary[]> {
  return db.transaction('r', [db.listIssues, db.issueLists], async () => {
    const ids = await db.listIssues.where('issueIds').equals(issueId).primaryKeys();
    const lists = (await db.issueLists.bulkGet(ids)).flatMap((l) => (l ? [l] : []));
    return lists.sort((a, b) => a.year - b.year || a.seq - b.seq);
  });
}
