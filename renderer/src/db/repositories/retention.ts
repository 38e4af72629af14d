/**
 * Retention of visitors' phone numbers (docs/access.md). A reception older than the
 * retention period whose issues are all finished (销号 or 当场办结) loses its visitors'
 * phone numbers; copies of them are erased too: in that reception's audit entries (an edit
 * keeps the record as it was), in the sealed lists the county acknowledged (the payload
 * kept for the record; a list still to be sent keeps its bytes, and cannot hold a finished
 * issue) and in drafts of an edit of it. Names, enterprises and issues stay: the history and
 * the statistics need them. One audit entry per run, with the counts.
 */
import { FINISHED_STATUSES, retentionCutoff } from '../../../../shared/domain/access';
import type { Reception } from '../../../../shared/domain/schemas';
import { dayKey, toLocalIso } from '../../../../shared/domain/time';
import type { StationDb } from '../database';
import { readStates, stateTables } from '../issueStates';
import { addAudit } from './audit';
import { getAccessSettings } from './accessSettings';

export interface RetentionResult {
  cutoff: string;
  receptions: number;
  phones: number;
  auditCopies: number;
  /** Acknowledged lists whose payload held the reception's visitors. */
  listCopies: number;
  /** Drafts of an edit of the reception. */
  draftCopies: number;
}

const FINISHED: ReadonlySet<string> = new Set(FINISHED_STATUSES);
const DAY_MS = 86_400_000;

function withoutPhones<T extends { visitors: Reception['visitors'] }>(record: T): T {
  return { ...record, visitors: record.visitors.map((v) => ({ ...v, phone: '' })) };
}

/** Erases every non-empty `phone` field in a copy of a record (audit detail, draft), or null when there was none. */
function scrubDetail<T>(detail: T): T | null {
  let changed = false;
  const scrub = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === 'phone' && typeof v === 'string' && v !== '') {
          changed = true;
          out[k] = '';
        } else out[k] = scrub(v);
      }
      return out;
    }
    return value;
  };
  const result = scrub(detail) as T;
  return changed ? result : null;
}

/** Erases the reception's visitors' phones in the acknowledged lists that carried its issues; returns how many lists changed. */
async function scrubLists(db: StationDb, receptionId: string, issueIds: string[]): Promise<number> {
  const listIds = [...new Set((await db.listIssues.where('issueIds').anyOf(issueIds).toArray()).map((l) => l.id))];
  const lists = await db.issueLists.bulkGet(listIds);
  let changed = 0;
  for (const list of lists) {
    if (!list || list.state !== 'acknowledged') continue;
    const row = await db.issueListPayloads.get(list.id);
    if (!row) continue;
    let found = false;
    const issues = row.payload.issues.map((issue) => {
      if (issue.receptionId !== receptionId || !issue.visitors.some((v) => v.phone !== '')) return issue;
      found = true;
      return { ...issue, visitors: issue.visitors.map((v) => ({ ...v, phone: '' })) };
    });
    if (!found) continue;
    changed += 1;
    await db.issueListPayloads.put({ ...row, payload: { ...row.payload, issues } });
  }
  return changed;
}

/** Erases what the period allows now. `months` null: retention is off, nothing happens. */
export async function applyRetention(db: StationDb, months: number | null, now: Date = new Date()): Promise<RetentionResult | null> {
  if (months === null) return null;
  const cutoff = retentionCutoff(now, months);
  const result: RetentionResult = { cutoff: toLocalIso(cutoff), receptions: 0, phones: 0, auditCopies: 0, listCopies: 0, draftCopies: 0 };
  await db.transaction('rw', [db.receptions, db.issues, ...stateTables(db), db.auditLog, db.listIssues, db.issueListPayloads, db.drafts], async () => {
    // Times carry their own offset: the index narrows by text (a day of slack), the time decides.
    const candidates = (await db.receptions.where('receivedAt').below(toLocalIso(new Date(cutoff.getTime() + DAY_MS))).toArray()).filter(
      (r) => Date.parse(r.receivedAt) < cutoff.getTime() && r.visitors.some((v) => v.phone !== ''),
    );
    for (const reception of candidates) {
      const issueIds = await db.issues.where('receptionId').equals(reception.id).primaryKeys();
      if (issueIds.length === 0) continue;
      const states = await readStates(db, issueIds);
      if (!states.every((s) => s !== undefined && FINISHED.has(s.status))) continue;
      result.receptions += 1;
      result.phones += reception.visitors.filter((v) => v.phone !== '').length;
      await db.receptions.put(withoutPhones(reception));
      const entries = await db.auditLog.where('[entity+entityId]').equals(['reception', reception.id]).toArray();
      for (const entry of entries) {
        const detail = scrubDetail(entry.detail);
        if (!detail) continue;
        result.auditCopies += 1;
        await db.auditLog.put({ ...entry, detail });
      }
      result.listCopies += await scrubLists(db, reception.id, issueIds);
      for (const draft of await db.drafts.filter((d) => d.targetId === reception.id).toArray()) {
        const data = scrubDetail(draft.data);
        if (data === null) continue;
        result.draftCopies += 1;
        await db.drafts.put({ ...draft, data });
      }
    }
    await addAudit(db, 'retention.erasePhones', 'station', 'retention', { months, ...result });
  });
  return result;
}

/**
 * Runs retention at most once a day (at start, then daily while the app stays open), with
 * the period set in 设置. Returns null when it already ran today or retention is off.
 */
export async function applyRetentionDaily(db: StationDb, now: Date = new Date()): Promise<RetentionResult | null> {
  const settings = await getAccessSettings(db);
  const today = dayKey(now);
  if (settings.retentionMonths === null || settings.retentionRanOn === today) return null;
  const result = await applyRetention(db, settings.retentionMonths, now);
  await db.transaction('rw', db.accessSettings, async () => {
    const current = await getAccessSettings(db);
    await db.accessSettings.put({ key: 'access', value: { ...current, retentionRanOn: today } });
  });
  return result;
}
