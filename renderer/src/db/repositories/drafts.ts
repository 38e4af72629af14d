/**
 * Drafts of half-typed forms. Written on every pause in typing so that a crash,
 * reload or power cut loses at most a second of work; never synced.
 */
import { toLocalIso } from '../../../../shared/domain/time';
import { sanitizeJson } from '../../../../shared/protocol/text';
import type { StationDb } from '../database';
import type { DraftRow } from '../rows';

/** Draft id for a new reception, or for editing an existing one. */
export const receptionDraftId = (receptionId: string | null): string =>
  receptionId ? `reception-edit-${receptionId}` : 'reception-new';

/** Control characters and broken surrogates (pasted text) are not kept, as in a saved reception. */
export async function saveDraft(db: StationDb, id: string, targetId: string | null, data: unknown): Promise<void> {
  const row: DraftRow = { id, kind: 'reception', targetId, data: sanitizeJson(data), updatedAt: toLocalIso(new Date()) };
  await db.drafts.put(row);
}

export async function getDraft(db: StationDb, id: string): Promise<DraftRow | undefined> {
  return db.drafts.get(id);
}

export async function clearDraft(db: StationDb, id: string): Promise<void> {
  await db.drafts.delete(id);
}

/**
 * The drafts of one form "slot": the base id itself and any side slots `<base>~<suffix>`
 * that a second window editing the same thing writes to, newest first.
 */
export async function draftsOfSlot(db: StationDb, baseId: string): Promise<DraftRow[]> {
  const rows = await db.drafts
    .where('id')
    .startsWith(baseId)
    .filter((r) => r.id === baseId || r.id.startsWith(`${baseId}~`))
    .toArray();
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}
