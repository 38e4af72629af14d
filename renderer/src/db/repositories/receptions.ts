/**
 * Receptions and their issues. Each user action (create, update, delete) is one
 * transaction writing the reception, its issues and the audit entry together.
 */
import { idsBelow, newId } from '../../../../shared/domain/ids';
import { initialStatus } from '../../../../shared/domain/issueStatus';
import {
  receptionInputSchema,
  type Issue,
  type Reception,
  type ReceptionInput,
  type ValidReceptionInput,
} from '../../../../shared/domain/schemas';
import { compareReceptions } from '../../../../shared/domain/ordering';
import { toLocalIso } from '../../../../shared/domain/time';
import { issueToRecord, newIssueState, pendingTermsOf, rowToIssue, termsStamp } from '../convert';
import type { StationDb } from '../database';
import { nextStamp } from '../stamps';
import { assertDeletable, readStates, receptionReportChanged, stateAfterSave, stateTables, withStates } from '../issueStates';
import { scheduleTermIndexing } from '../termIndex';
import { putReceptionStats, removeReceptionStats } from '../statDays';
import { dayOf } from '../statRows';
import { addAudit } from './audit';

export interface ReceptionWithIssues {
  reception: Reception;
  issues: Issue[];
}

export class ValidationError extends Error {
  constructor(public readonly issues: { path: string; message: string }[]) {
    super(`Invalid input: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

/** The reception was changed elsewhere (another window) since this form loaded it. */
export class ConcurrentEditError extends Error {
  constructor(
    public readonly receptionId: string,
    public readonly currentUpdatedAt: string,
  ) {
    super(`Reception ${receptionId} was changed at ${currentUpdatedAt} since it was loaded`);
    this.name = 'ConcurrentEditError';
  }
}

/** The reception no longer exists (deleted, possibly in another window). */
export class ReceptionNotFoundError extends Error {
  constructor(public readonly receptionId: string) {
    super(`Reception ${receptionId} not found`);
    this.name = 'ReceptionNotFoundError';
  }
}

export function parseReceptionInput(input: ReceptionInput): ValidReceptionInput {
  const result = receptionInputSchema.safeParse(input);
  if (!result.success) {
    throw new ValidationError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return result.data;
}

function buildIssues(
  input: ValidReceptionInput,
  reception: Reception,
  existing: Map<string, Issue>,
  now: string,
): Issue[] {
  // Issues of one reception share its time, and history's index shows the larger id first
  // among equal times: new ids go out largest first so the issues read in the order the
  // reception lists them. Issues added by an edit come after the kept ones (the form only
  // appends), so they get ids below the kept ones' (idsBelow), not newer ones that would
  // put them first, or among another reception of the same minute.
  const added = input.issues.filter((i) => !(i.id && existing.has(i.id))).length;
  const kept = input.issues.flatMap((i) => (i.id && existing.has(i.id) ? [i.id] : [])).sort();
  const fresh = kept.length > 0 ? idsBelow(kept[0]!, added) : Array.from({ length: added }, () => newId()).sort().reverse();
  return input.issues.map((i, index) => {
    const previous = i.id ? existing.get(i.id) : undefined;
    return {
      id: previous?.id ?? fresh.shift()!,
      receptionId: reception.id,
      dutyDayId: reception.dutyDayId,
      seq: index + 1,
      category: i.category,
      summary: i.summary,
      request: i.request,
      onSpotAnswer: i.onSpotAnswer,
      handling: i.handling,
      suggestedDepartment: i.suggestedDepartment,
      status:
        previous && (previous.status !== 'recorded' && previous.status !== 'resolvedOnSpot')
          ? previous.status
          : initialStatus(i.handling),
      // An issue's time is its reception's, also after the reception's time is corrected,
      // so every list orders it with its reception (shared/domain/ordering.ts).
      recordedAt: reception.receivedAt,
      updatedAt: now,
    };
  });
}

export async function createReception(
  db: StationDb,
  input: ReceptionInput,
  opts: { dutyDayId: string | null; draftId?: string; id?: string },
): Promise<ReceptionWithIssues> {
  const valid = parseReceptionInput(input);
  const now = toLocalIso(new Date());
  const reception: Reception = {
    id: opts.id ?? newId(),
    dutyDayId: opts.dutyDayId,
    channel: valid.channel,
    receivedAt: valid.receivedAt,
    deputyIds: valid.deputyIds,
    visitors: valid.visitors,
    ...(valid.consent ? { consent: valid.consent } : {}),
    createdAt: now,
    updatedAt: now,
  };
  const issues = buildIssues(valid, reception, new Map(), now);
  const records = issues.map((i) => issueToRecord(i, reception));
  // Not issueTerms: the search keys are written right after (termIndex.ts), so a save never waits for them.
  const states = issues.map(newIssueState);
  await db.transaction('rw', [db.receptions, db.issues, db.issueStates, db.pendingTerms, db.statDays, db.auditLog, db.drafts], async () => {
    if (await db.receptions.get(reception.id)) {
      throw new Error(`Reception ${reception.id} already exists`);
    }
    await db.receptions.add(reception);
    await db.issues.bulkAdd(records.map((r) => r.row));
    await db.pendingTerms.bulkPut(records.map((r) => pendingTermsOf(r.row)));
    await db.issueStates.bulkPut(states);
    await putReceptionStats(db, [{ reception, issues: records.map((r, i) => ({ row: r.row, state: states[i] })) }]);
    await addAudit(db, 'reception.create', 'reception', reception.id, {
      issues: issues.length,
      visitors: reception.visitors.length,
    });
    if (opts.draftId) await db.drafts.delete(opts.draftId);
  });
  scheduleTermIndexing(db);
  return { reception, issues };
}

export async function updateReception(
  db: StationDb,
  id: string,
  input: ReceptionInput,
  opts: {
    draftId?: string;
    /**
     * The updatedAt the editor loaded. When given and the stored record differs, the
     * update is refused with ConcurrentEditError instead of silently overwriting a save
     * made in another window.
     */
    expectedUpdatedAt?: string;
  } = {},
): Promise<ReceptionWithIssues> {
  const valid = parseReceptionInput(input);
  let result: ReceptionWithIssues | undefined;
  // issueLists: the issues' statuses are read as shown (readStates).
  await db.transaction('rw', [db.receptions, ...issueTables(db), db.issueLists, db.countyInbox, db.statDays, db.auditLog, db.drafts], async () => {
    const before = await db.receptions.get(id);
    if (!before) throw new ReceptionNotFoundError(id);
    if (opts.expectedUpdatedAt !== undefined && before.updatedAt !== opts.expectedUpdatedAt) {
      throw new ConcurrentEditError(id, before.updatedAt);
    }
    // Every save gets a new updatedAt, even within the same millisecond or on a PC whose
    // clock went backwards, so the concurrency check above can always tell saves apart.
    const now = nextStamp(before.updatedAt);
    const oldRows = await db.issues.where('receptionId').equals(id).toArray();
    const oldStates = await readStates(db, oldRows.map((r) => r.id));
    const existing = new Map(oldRows.map((r, i) => [r.id, rowToIssue(r, oldStates[i])]));
    const stored = new Map(oldRows.flatMap((row, i) => {
      const state = oldStates[i];
      return state ? [[row.id, { row, state }] as const] : [];
    }));
    const reception: Reception = {
      ...before,
      channel: valid.channel,
      receivedAt: valid.receivedAt,
      deputyIds: valid.deputyIds,
      visitors: valid.visitors,
      // A consent once recorded stays with the reception; an edit may add one to an older record.
      ...(valid.consent && !before.consent ? { consent: valid.consent } : {}),
      updatedAt: now,
    };
    const issues = buildIssues(valid, reception, existing, now);
    const keep = new Set(issues.map((i) => i.id));
    const removed = oldRows.filter((r) => !keep.has(r.id)).map((r) => r.id);
    assertDeletable(removed.map((r) => stored.get(r)?.state));
    await db.receptions.put(reception);
    const records = issues.map((i) => issueToRecord(i, reception));
    await deleteIssues(db, removed);
    await db.issues.bulkPut(records.map((r) => r.row));
    // Keys only for new issues and changed text; written right after (termIndex.ts).
    const reindex = records.filter(({ row }) => {
      const old = stored.get(row.id)?.row;
      return !old || termsStamp(old) !== termsStamp(row);
    });
    await db.pendingTerms.bulkPut(reindex.map((r) => pendingTermsOf(r.row)));
    const receptionChanged = receptionReportChanged(before, reception);
    const states = issues.map((issue, i) => stateAfterSave(issue, records[i]!.row, stored.get(issue.id), receptionChanged));
    await db.issueStates.bulkPut(states);
    const formerDays = [dayOf(before.receivedAt), ...oldRows.map((r) => dayOf(r.recordedAt))];
    await putReceptionStats(db, [{ reception, issues: records.map((r, i) => ({ row: r.row, state: states[i] })), formerDays }]);
    await addAudit(db, 'reception.update', 'reception', id, {
      issues: issues.length,
      removedIssues: removed,
      before: { reception: before, issues: [...existing.values()] },
    });
    if (opts.draftId) await db.drafts.delete(opts.draftId);
    result = { reception, issues };
  });
  scheduleTermIndexing(db);
  return result!;
}

/** The tables an issue is stored in: content, search keys (and their queue), state. */
function issueTables(db: StationDb) {
  return [db.issues, db.issueTerms, db.pendingTerms, db.issueStates];
}

async function deleteIssues(db: StationDb, ids: string[]): Promise<void> {
  await Promise.all([db.issues.bulkDelete(ids), db.issueTerms.bulkDelete(ids), db.pendingTerms.bulkDelete(ids), db.issueStates.bulkDelete(ids)]);
}

/** Deletes a reception and its issues; the audit entry keeps a copy of what was deleted. */
export async function deleteReception(db: StationDb, id: string, reason = ''): Promise<void> {
  await db.transaction('rw', [db.receptions, ...issueTables(db), db.issueLists, db.countyInbox, db.statDays, db.auditLog], async () => {
    const reception = await db.receptions.get(id);
    if (!reception) throw new ReceptionNotFoundError(id);
    const rows = await db.issues.where('receptionId').equals(id).toArray();
    const states = await readStates(db, rows.map((r) => r.id));
    assertDeletable(states);
    await deleteIssues(db, rows.map((r) => r.id));
    await db.receptions.delete(id);
    await removeReceptionStats(db, id, [dayOf(reception.receivedAt), ...rows.map((r) => dayOf(r.recordedAt))]);
    await addAudit(db, 'reception.delete', 'reception', id, {
      reason,
      deleted: { reception, issues: rows.map((row, i) => rowToIssue(row, states[i])) },
    });
  });
}

export async function getReception(db: StationDb, id: string): Promise<ReceptionWithIssues | undefined> {
  return db.transaction('r', [db.receptions, db.issues, ...stateTables(db)], async () => {
    const reception = await db.receptions.get(id);
    if (!reception) return undefined;
    const rows = await db.issues.where('receptionId').equals(id).sortBy('seq');
    return { reception, issues: await withStates(db, rows) };
  });
}

/** Receptions of one duty day in list order (oldest first, shared/domain/ordering.ts), with their issues. */
export async function receptionsOfDutyDay(db: StationDb, dutyDayId: string): Promise<ReceptionWithIssues[]> {
  return db.transaction('r', [db.receptions, db.issues, ...stateTables(db)], async () => {
    const receptions = (await db.receptions.where('dutyDayId').equals(dutyDayId).toArray()).sort(compareReceptions);
    const rows = await db.issues.where('dutyDayId').equals(dutyDayId).toArray();
    const byReception = new Map<string, Issue[]>();
    for (const issue of (await withStates(db, rows)).sort((a, b) => a.seq - b.seq)) {
      const list = byReception.get(issue.receptionId) ?? [];
      list.push(issue);
      byReception.set(issue.receptionId, list);
    }
    return receptions.map((reception) => ({ reception, issues: byReception.get(reception.id) ?? [] }));
  });
}
