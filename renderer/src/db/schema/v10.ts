/**
 * Schema version 10: the station closes what it opens (docs/follow-up.md).
 * - `issueStates` gains three sparse indexes, each present only while an issue waits for
 *   it, so 待办 reads a handful of index entries, never the history: `todo` (answer to
 *   hand back, rating to take), `dueAt` (the county's deadline while the department has
 *   not answered) and `followUpAt` (last progress of a 联络站协调 issue). Set only through
 *   `withTodo` (../todoMarks.ts), from the state row and its new `track`;
 * - `issueActions`: answers handed back and the station's own progress and results;
 * - `ratings`: the visitors' ratings, never overwritten (a correction is a later row); each
 *   rating enters the outbox (kind 'satisfaction') in the transaction that records it.
 * The upgrade gives every state row its track (联络站协调 from the issue's handling mode)
 * and its 待办 fields; rows that wait for nothing are not written.
 * Shipped versions are never edited: add a new file.
 */
import type { Dexie, Transaction } from 'dexie';
import { EMPTY_TRACK } from '../followRows';
import type { IssueStateRow } from '../syncRows';
import { withTodo } from '../todoMarks';
import { V6_STORES } from './v6';

export const V10_STORES = {
  issueStates: `${V6_STORES.issueStates}, todo, dueAt, followUpAt`,
  issueActions: 'id, issueId, recordedAt',
  ratings: 'id, issueId, recordedAt',
} as const;

const UPGRADE_CHUNK = 5000;

type V9Issue = { id: string; handling?: unknown };

export async function upgradeToV10(tx: Transaction): Promise<void> {
  const states = tx.table<IssueStateRow, string>('issueStates');
  const issues = tx.table<V9Issue, string>('issues');
  let after: string | null = null;
  for (;;) {
    const rows: IssueStateRow[] = await (after === null ? states.orderBy(':id') : states.where(':id').above(after)).limit(UPGRADE_CHUNK).toArray();
    if (rows.length === 0) return;
    // Only issues the station may still follow need their handling mode.
    const open = rows.filter((s) => s.status === 'recorded');
    const handling = new Map((await issues.bulkGet(open.map((s) => s.id))).flatMap((i) => (i ? [[i.id, i.handling] as const] : [])));
    const changed = rows.flatMap((s) => {
      const followUp = handling.get(s.id) === 'stationFollowUp';
      const next = withTodo({ ...s, track: { ...EMPTY_TRACK, ...s.track, followUp } });
      return next.todo || next.dueAt || next.followUpAt || followUp ? [next] : [];
    });
    if (changed.length > 0) await states.bulkPut(changed);
    after = rows[rows.length - 1]!.id;
  }
}

export function declareV10(db: Dexie): void {
  db.version(10).stores(V10_STORES).upgrade(upgradeToV10);
}
