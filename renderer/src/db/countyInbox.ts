/**
 * The county inbox (schema v7) as reads see it. A pull stores county updates here with
 * its cursor, a few hundred per row; they are folded into the issues' state rows in the
 * background right after (repositories/countyFold.ts). Until then `readStates` lays the
 * waiting updates over the state rows it reads (`withInbox`), so every screen, print and
 * search shows the county's latest word the moment the pull has stored it.
 *
 * The inbox is read once per transaction (its keys, one small read; rows are cached by key
 * since a key always holds the same events), and usually it is empty.
 */
import { Dexie } from 'dexie';
import type { IssueStatus } from '../../../shared/domain/enums';
import type { StatusUpdateType } from '../../../shared/protocol/index';
import type { StationDb } from './database';
import type { CountyInboxRow, CountyUpdate, IssueStateRow } from './syncRows';

export const STATUS_OF: Record<StatusUpdateType, IssueStatus> = {
  assigned: 'assigned',
  responded: 'responded',
  published: 'published',
  closed: 'closed',
  reopened: 'reopened',
};

/**
 * Updates per inbox row, one row folded per transaction: a protocol page. Smaller rows made
 * the fold ≈ 1.2× slower (a transaction and a round of live queries per row) for a shorter
 * wait of a save that comes during it (≈ 0.1 s instead of ≈ 0.3 s).
 */
export const INBOX_ROW_UPDATES = 1000;

const SEQ_DIGITS = 15;

/** The inbox rows for a page of updates (sorted by seq, split in rows of INBOX_ROW_UPDATES). */
export function inboxRows(updates: readonly CountyUpdate[]): CountyInboxRow[] {
  const sorted = [...updates].sort((a, b) => a.seq - b.seq);
  const rows: CountyInboxRow[] = [];
  for (let at = 0; at < sorted.length; at += INBOX_ROW_UPDATES) {
    const part = sorted.slice(at, at + INBOX_ROW_UPDATES);
    const key = (seq: number) => String(seq).padStart(SEQ_DIGITS, '0');
    rows.push({ id: `${key(part[0]!.seq)}-${key(part.at(-1)!.seq)}`, updates: part });
  }
  return rows;
}

export const lastSeq = (state: IssueStateRow): number => state.county.at(-1)?.seq ?? 0;

/** Waiting updates by the id they name, in seq order. */
export type InboxOverlay = ReadonlyMap<string, readonly CountyUpdate[]>;

const EMPTY: InboxOverlay = new Map();
const rowsByDb = new WeakMap<StationDb, Map<string, CountyInboxRow>>();
const builtByDb = new WeakMap<StationDb, { key: string; overlay: InboxOverlay }>();
const byTransaction = new WeakMap<object, Promise<InboxOverlay>>();

/**
 * The waiting updates. Inside a transaction, read once per transaction (which must include
 * `countyInbox`); outside one, read now.
 */
export function inboxOverlay(db: StationDb): Promise<InboxOverlay> {
  const tx = Dexie.currentTransaction as object | null | undefined;
  if (!tx) return loadOverlay(db);
  let overlay = byTransaction.get(tx);
  if (!overlay) {
    overlay = loadOverlay(db);
    byTransaction.set(tx, overlay);
  }
  return overlay;
}

async function loadOverlay(db: StationDb): Promise<InboxOverlay> {
  const ids = await db.countyInbox.toCollection().primaryKeys();
  if (ids.length === 0) {
    // Folded: let go of the rows kept for it.
    rowsByDb.delete(db);
    builtByDb.delete(db);
    return EMPTY;
  }
  const key = ids.join(' ');
  const built = builtByDb.get(db);
  if (built?.key === key) return built.overlay;
  const cache = rowsByDb.get(db) ?? new Map<string, CountyInboxRow>();
  rowsByDb.set(db, cache);
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length > 0) for (const row of await db.countyInbox.bulkGet(missing)) if (row) cache.set(row.id, row);
  const present = new Set(ids);
  for (const id of [...cache.keys()]) if (!present.has(id)) cache.delete(id);
  const overlay = new Map<string, CountyUpdate[]>();
  for (const id of ids) {
    for (const update of cache.get(id)?.updates ?? []) {
      const list = overlay.get(update.issueId);
      if (list) list.push(update);
      else overlay.set(update.issueId, [update]);
    }
  }
  builtByDb.set(db, { key, overlay });
  return overlay;
}

/**
 * The state as it will be once the waiting updates about it are folded in: each update
 * with a seq above the last one the state holds is appended, and the last one sets the
 * status (seq order is the county's order of events). Updates naming a correction entry
 * rather than the issue itself show once folded (the fold resolves them).
 */
export function withInbox(state: IssueStateRow, overlay: InboxOverlay): IssueStateRow {
  const waiting = overlay.get(state.id);
  if (!waiting) return state;
  let last = lastSeq(state);
  const added: CountyUpdate[] = [];
  for (const update of waiting) {
    if (update.seq <= last) continue;
    added.push(update);
    last = update.seq;
  }
  if (added.length === 0) return state;
  return { ...state, status: STATUS_OF[added.at(-1)!.type], county: [...state.county, ...added] };
}

/** Ids whose waiting updates end in `status` (they may not be in the state index under it yet). */
export function waitingWithStatus(overlay: InboxOverlay, status: IssueStatus): string[] {
  const ids: string[] = [];
  for (const [id, updates] of overlay) if (STATUS_OF[updates.at(-1)!.type] === status) ids.push(id);
  return ids;
}
