/**
 * Autosave of the whole form to its draft: a pause of 500 ms in typing writes it, and
 * hiding or leaving the page writes at once, so a crash or power cut loses at most
 * about a second of typing. Nothing is written until the user changes something.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import { draftsRepo, getDb } from '../../db';
import type { ReceptionDraftData, ReceptionFormValues } from './formModel';

const DEBOUNCE_MS = 500;

export interface DraftAutosave {
  /** Last time the draft was written, for the status line. */
  savedAt: Date | null;
  /** Stop writing and drop anything pending (before a save clears the draft). */
  suspend(): void;
  /** Write again, at once, e.g. after a failed save. */
  resume(): void;
}

export function useDraftAutosave(
  form: UseFormReturn<ReceptionFormValues, unknown, ValidReceptionInput>,
  draftId: string,
  targetId: string | null,
  baseUpdatedAt: string | null,
): DraftAutosave {
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const control = useRef({ suspended: false, flush: () => undefined as void, dirty: false });

  useEffect(() => {
    const state = control.current;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      if (!state.dirty || state.suspended) return;
      state.dirty = false;
      const data: ReceptionDraftData = { v: 1, values: structuredClone(form.getValues()), baseUpdatedAt };
      draftsRepo
        .saveDraft(getDb(), draftId, targetId, data)
        .then(() => setSavedAt(new Date()))
        .catch((error: unknown) => {
          state.dirty = true;
          console.error('Draft autosave failed', error);
        });
    };
    state.flush = flush;
    const subscription = form.watch(() => {
      if (state.suspended) return;
      state.dirty = true;
      clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    });
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
    };
  }, [form, draftId, targetId, baseUpdatedAt]);

  const suspend = useCallback(() => {
    control.current.suspended = true;
    control.current.dirty = false;
  }, []);
  const resume = useCallback(() => {
    control.current.suspended = false;
    control.current.dirty = true;
    control.current.flush();
  }, []);
  return { savedAt, suspend, resume };
}
