/**
 * Which draft a reception form writes to, so that two windows never write over each
 * other's half-typed form. Each window holds a Web Lock named after its draft id for
 * as long as the form is open (the browser releases it when the window closes or
 * crashes). A form opening picks the newest draft of its slot that no open window
 * holds and restores it; if none, it takes the base id, or a side id `<base>~<random>`
 * while another window holds the base id.
 */
import { newId } from '../../../../shared/domain/ids';
import { draftsRepo, getDb } from '../../db';
import { isReceptionDraftData, type ReceptionDraftData } from './formModel';

export interface DraftSlot {
  draftId: string;
  restored: { data: ReceptionDraftData; updatedAt: string } | null;
  /** Another window is filling in the same form. */
  sharedWithOtherWindow: boolean;
  release(): void;
}

type Release = () => void;

const lockName = (draftId: string) => `station-desk:draft:${draftId}`;

function tryHold(draftId: string): Promise<Release | null> {
  // Without Web Locks (very old engines) there is only this window to consider.
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return Promise.resolve(() => undefined);
  return new Promise((resolve, reject) => {
    navigator.locks
      .request(lockName(draftId), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve(() => release()));
      })
      .catch(reject);
  });
}

async function claim(baseId: string): Promise<DraftSlot> {
  const candidates = (await draftsRepo.draftsOfSlot(getDb(), baseId)).filter((d) => isReceptionDraftData(d.data));
  for (const draft of candidates) {
    const release = await tryHold(draft.id);
    if (release && isReceptionDraftData(draft.data)) {
      return {
        draftId: draft.id,
        restored: { data: draft.data, updatedAt: draft.updatedAt },
        sharedWithOtherWindow: draft.id !== baseId,
        release,
      };
    }
  }
  const base = await tryHold(baseId);
  if (base) return { draftId: baseId, restored: null, sharedWithOtherWindow: false, release: base };
  const sideId = `${baseId}~${newId()}`;
  const side = await tryHold(sideId);
  return { draftId: sideId, restored: null, sharedWithOtherWindow: true, release: side ?? (() => undefined) };
}

/**
 * Claims are shared within this page and released a moment after the last user lets
 * go, so a component that unmounts and mounts again at once (React StrictMode, a quick
 * route change) keeps its slot instead of racing itself for it.
 */
const claims = new Map<string, { slot: Promise<DraftSlot>; users: number; timer?: ReturnType<typeof setTimeout> }>();

export function acquireDraftSlot(baseId: string): { slot: Promise<DraftSlot>; release: () => void } {
  let entry = claims.get(baseId);
  if (!entry) {
    entry = { slot: claim(baseId), users: 0 };
    claims.set(baseId, entry);
  }
  clearTimeout(entry.timer);
  entry.users += 1;
  const current = entry;
  let released = false;
  return {
    slot: current.slot,
    release: () => {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users > 0) return;
      current.timer = setTimeout(() => {
        if (current.users > 0) return;
        claims.delete(baseId);
        current.slot.then((s) => s.release()).catch(() => undefined);
      }, 200);
    },
  };
}

/** After a save the slot's draft is gone; the next form in this window starts from scratch. */
export function forgetRestoredDraft(baseId: string): void {
  const entry = claims.get(baseId);
  if (entry) entry.slot = entry.slot.then((s) => ({ ...s, restored: null }));
}
