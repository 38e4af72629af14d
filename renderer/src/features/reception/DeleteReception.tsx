/** Deleting a reception: a confirmation that asks for an optional reason, then one audited transaction. */
import { useId, useState } from 'react';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { getDb, receptionsRepo } from '../../db';
import { T } from './strings';
import { userMessageOf } from './userMessage';

interface Props {
  receptionId: string;
  visitorName: string;
  issueCount: number;
  onDeleted: () => void;
}

export function DeleteReception({ receptionId, visitorName, issueCount, onDeleted }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonId = useId();

  const confirm = () => {
    setBusy(true);
    setError(null);
    receptionsRepo
      .deleteReception(getDb(), receptionId, reason.trim())
      .then(() => {
        setOpen(false);
        onDeleted();
      })
      .catch((e: unknown) => {
        // Already deleted in another window: the outcome the user asked for.
        if (e instanceof receptionsRepo.ReceptionNotFoundError) {
          setOpen(false);
          onDeleted();
          return;
        }
        console.error('Deleting the reception failed', e);
        setError(e);
      })
      .finally(() => setBusy(false));
  };

  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {T.delete}
      </button>
      <ConfirmDialog
        open={open}
        title={T.deleteTitle}
        confirmLabel={T.deleteConfirm}
        danger
        busy={busy}
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>{T.deleteBody(visitorName, issueCount)}</p>
        <div className="ui-field">
          <label htmlFor={reasonId}>{T.deleteReason}</label>
          <textarea id={reasonId} rows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        {error ? <ErrorNotice message={userMessageOf(error, T.deleteFailed)} error={error} /> : null}
      </ConfirmDialog>
    </>
  );
}
