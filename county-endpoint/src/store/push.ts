/**
 * Stores pushed items exactly once. Each item gets its own transaction keyed by the
 * client's id: the item register row, the list and its issues (or the rating) are
 * written together or not at all. A resend finds the register row and gets the original
 * receipt; the same id with another hash is a conflict and nothing is overwritten.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  CONFLICT_MESSAGE,
  ITEM_KINDS,
  REJECTION_MESSAGES,
  canonicalJson,
  clientIdSchema,
  findUnsafeText,
  pushItemSchema,
  type IssueListItem,
  type PushItem,
  type Receipt,
  type RejectionCode,
  type SatisfactionItem,
} from '../../../shared/protocol/index.js';
import type { Database, Queryable } from '../db/database.js';
import { toIso, toSafeInt } from '../db/database.js';
import type { Station } from './stations.js';

export interface PushContext {
  db: Database;
  station: Station;
  now: () => Date;
  refPrefix: string;
  /** Told of an unexpected error inside one item (the item gets a `storeFailed` receipt). */
  onItemError?: (err: unknown, itemId: string) => void;
}

class Rejection extends Error {
  constructor(
    readonly reason: RejectionCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** Thrown inside the transaction when a concurrent request stored the same id first. */
class AlreadyStored extends Error {}

interface StoredRow {
  id: string;
  station_id: string;
  kind: PushItem['kind'];
  content_hash: string;
  county_ref: string;
  received_at: Date;
}

export async function storeItems(ctx: PushContext, rawItems: unknown[]): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  // In order, one at a time: a rating may refer to an issue of a list earlier in the batch.
  for (const raw of rawItems) receipts.push(await storeOne(ctx, raw));
  return receipts;
}

async function storeOne(ctx: PushContext, raw: unknown): Promise<Receipt> {
  // Echoed in the receipt only when it is a well-formed id: junk is never sent back.
  const candidateId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const rawId = clientIdSchema.safeParse(candidateId).success ? (candidateId as string) : '';
  try {
    const item = parseItem(raw);
    const hash = createHash('sha256').update(canonicalJson((raw as { payload: unknown }).payload), 'utf8').digest('hex');
    if (hash !== item.contentHash) throw new Rejection('hashMismatch', `contentHash ${item.contentHash} but payload hashes to ${hash}`);
    const existing = await findStored(ctx.db, item.id);
    if (existing) return answerResend(ctx, existing, item);
    try {
      return await ctx.db.transaction((tx) => insertItem(tx, ctx, item));
    } catch (err) {
      if (!(err instanceof AlreadyStored)) throw err;
      const stored = await findStored(ctx.db, item.id);
      if (!stored) throw new Error(`item ${item.id} reported stored but not found`);
      return answerResend(ctx, stored, item);
    }
  } catch (err) {
    if (err instanceof Rejection) return rejected(rawId, err.reason, err.detail);
    // The item's transaction was rolled back (or never began): nothing of it is stored.
    ctx.onItemError?.(err, rawId);
    return rejected(rawId, 'storeFailed', `the county could not store this item (${errorName(err)}); nothing of it was stored`);
  }
}

function rejected(id: string, reason: RejectionCode, detail: string): Receipt {
  return { status: 'rejected', id, reason, message: REJECTION_MESSAGES[reason], detail };
}

/** A short, value-free name for an error (a database code, a class name): never its message, which may quote values. */
export function errorName(err: unknown): string {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,12}$/.test(code)) return `code ${code}`;
  return err instanceof Error ? err.name : typeof err;
}

function parseItem(raw: unknown): PushItem {
  const kind = typeof raw === 'object' && raw !== null ? (raw as { kind?: unknown }).kind : undefined;
  if (typeof kind === 'string' && !(ITEM_KINDS as readonly string[]).includes(kind)) {
    throw new Rejection('unknownKind', `unknown item kind '${kind.slice(0, 40)}'`);
  }
  const parsed = pushItemSchema.safeParse(raw);
  if (!parsed.success) throw new Rejection('invalidItem', describeIssues(parsed.error));
  // After the schema, so the walk only meets the bounded shapes it allows.
  const unsafe = findUnsafeText(parsed.data);
  if (unsafe) throw new Rejection('invalidText', `${unsafe.path.join('.')}: ${unsafe.codePoint} is not allowed in text`);
  return parsed.data;
}

/** Paths and reasons only: never the values, which may be phone numbers. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(item)'}: ${i.message}`)
    .join('; ');
}

async function findStored(db: Queryable, id: string): Promise<StoredRow | null> {
  const r = await db.query<StoredRow>('SELECT id, station_id, kind, content_hash, county_ref, received_at FROM items WHERE id = $1', [id]);
  return r.rows[0] ?? null;
}

function answerResend(ctx: PushContext, stored: StoredRow, item: PushItem): Receipt {
  if (stored.station_id !== ctx.station.id) {
    // Never reveal anything about another station's item.
    throw new Rejection('idTaken', `item id ${item.id} belongs to another station`);
  }
  const base = { id: stored.id, kind: stored.kind, countyRef: stored.county_ref, receivedAt: toIso(stored.received_at) };
  if (stored.content_hash === item.contentHash && stored.kind === item.kind) return { status: 'duplicate', ...base };
  return { status: 'conflict', ...base, storedContentHash: stored.content_hash, message: CONFLICT_MESSAGE };
}

async function nextCountyRef(tx: Queryable, ctx: PushContext, kind: PushItem['kind'], at: Date): Promise<string> {
  const series = kind === 'issueList' ? ctx.refPrefix : `${ctx.refPrefix}-MY`;
  const year = at.getFullYear();
  const r = await tx.query<{ last: unknown }>(
    `INSERT INTO ref_counters (series, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (series, year) DO UPDATE SET last = ref_counters.last + 1 RETURNING last`,
    [series, year],
  );
  const n = toSafeInt(r.rows[0]?.last ?? 1);
  return `${series}-${year}-${String(n).padStart(6, '0')}`;
}

async function insertItem(tx: Queryable, ctx: PushContext, item: PushItem): Promise<Receipt> {
  const at = ctx.now();
  const countyRef = await nextCountyRef(tx, ctx, item.kind, at);
  const ins = await tx.query(
    `INSERT INTO items (id, station_id, kind, content_hash, county_ref, received_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [item.id, ctx.station.id, item.kind, item.contentHash, countyRef, at],
  );
  // Rolling back also returns the county reference number just taken.
  if (ins.rows.length === 0) throw new AlreadyStored();
  if (item.kind === 'issueList') await insertList(tx, ctx.station, item, at);
  else await insertRating(tx, ctx.station, item);
  return { status: 'accepted', id: item.id, kind: item.kind, countyRef, receivedAt: at.toISOString() };
}

async function insertList(tx: Queryable, station: Station, item: IssueListItem, at: Date): Promise<void> {
  const p = item.payload;
  await tx.query(
    `INSERT INTO lists (id, station_id, list_year, list_seq, station_name, sealed_at, amends_list_id, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [item.id, station.id, p.listNumber.year, p.listNumber.seq, p.stationName, p.sealedAt, p.amendsListId, JSON.stringify(p)],
  );
  const cols = 11;
  const values: string[] = [];
  const params: unknown[] = [];
  p.issues.forEach((issue, i) => {
    values.push(`(${Array.from({ length: cols }, (_, c) => `$${i * cols + c + 1}`).join(', ')})`);
    params.push(issue.id, item.id, station.id, issue.seq, issue.category, issue.summary, issue.handling, issue.suggestedDepartment, issue.amendsIssueId, at, at);
  });
  const r = await tx.query<{ id: string }>(
    `INSERT INTO issues (id, list_id, station_id, seq, category, summary, handling, suggested_department, amends_issue_id, updated_at, received_at)
     VALUES ${values.join(', ')} ON CONFLICT (id) DO NOTHING RETURNING id`,
    params,
  );
  if (r.rows.length !== p.issues.length) {
    const inserted = new Set(r.rows.map((row) => row.id));
    const taken = p.issues.filter((i) => !inserted.has(i.id)).map((i) => i.id);
    throw new Rejection('issueIdTaken', `issue ids already in another list: ${taken.slice(0, 5).join(', ')}`);
  }
}

async function insertRating(tx: Queryable, station: Station, item: SatisfactionItem): Promise<void> {
  const p = item.payload;
  const issue = await tx.query('SELECT id FROM issues WHERE id = $1 AND station_id = $2', [p.issueId, station.id]);
  if (issue.rows.length === 0) throw new Rejection('unknownIssue', `no issue ${p.issueId} from this station`);
  await tx.query(
    'INSERT INTO satisfaction_ratings (id, station_id, issue_id, rating, rated_at, note) VALUES ($1, $2, $3, $4, $5, $6)',
    [item.id, station.id, p.issueId, p.rating, p.ratedAt, p.note],
  );
  await tx.query('UPDATE issues SET satisfaction = $2 WHERE id = $1', [p.issueId, p.rating]);
}
