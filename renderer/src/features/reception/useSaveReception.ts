/**
 * Saving the form: one repository call that validates again and writes the reception,
 * its issues, the audit entry and the draft removal in one transaction. Failures come
 * back as a state the form shows; the typed content stays in the form and its draft.
 */
import { useRef, useState } from 'react';
import type { ValidReceptionInput } from '../../../../shared/domain/schemas';
import { getDb, receptionsRepo, type ReceptionWithIssues } from '../../db';

export type SaveProblem =
  | { kind: 'conflict'; currentUpdatedAt: string }
  | { kind: 'deleted' }
  | { kind: 'failed'; error: unknown };

interface Options {
  receptionId: string | null;
  draftId: string;
  baseUpdatedAt: string | null;
  dutyDayId: string | null;
}

export function useSaveReception({ receptionId, draftId, baseUpdatedAt, dutyDayId }: Options) {
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [saving, setSaving] = useState(false);
  // The version this window may overwrite: what it loaded, or what the user chose to overwrite.
  const expected = useRef(baseUpdatedAt);

  async function save(valid: ValidReceptionInput): Promise<ReceptionWithIssues | null> {
    setSaving(true);
    setProblem(null);
    try {
      const db = getDb();
      if (receptionId === null) return await receptionsRepo.createReception(db, valid, { dutyDayId, draftId });
      return await receptionsRepo.updateReception(db, receptionId, valid, {
        draftId,
        ...(expected.current ? { expectedUpdatedAt: expected.current } : {}),
      });
    } catch (error) {
      if (error instanceof receptionsRepo.ConcurrentEditError) {
        setProblem({ kind: 'conflict', currentUpdatedAt: error.currentUpdatedAt });
      } else if (error instanceof receptionsRepo.ReceptionNotFoundError) {
        setProblem({ kind: 'deleted' });
      } else {
        console.error('Saving the reception failed', error);
        setProblem({ kind: 'failed', error });
      }
      return null;
    } finally {
      setSaving(false);
    }
  }

  function allowOverwrite(currentUpdatedAt: string) {
    expected.current = currentUpdatedAt;
  }

  return { save, saving, problem, allowOverwrite };
}
