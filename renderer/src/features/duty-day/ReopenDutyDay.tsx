/**
 * Reopening a closed duty day: an explicit action behind a confirmation that says what
 * happens to what was sealed, with a reason that goes into the audit log.
 */
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import type { DutyDay } from '../../../../shared/domain/schemas';
import { formatChineseDate } from '../../../../shared/domain/time';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { T } from './strings';

export function ReopenDutyDay({ day, className = 'button big' }: { day: DutyDay; className?: string }) {
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = useId();

  const confirm = () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    // The data layer's writing half is fetched here, not with Today's screen (which shows
    // this button): it brings the sealing code and the schemas a start does not need.
    import('../../db')
      .then(({ dutyDaysRepo, getDb }) => dutyDaysRepo.reopenDutyDay(getDb(), day.id, reason))
      .then(() => navigate('/'))
      .catch((e: unknown) => {
        console.error('Reopening the duty day failed', e);
        setError(e);
        setBusy(false);
      });
  };

  return (
    <>
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {T.reopen}
      </button>
      <ConfirmDialog
        open={asking}
        title={T.reopenTitle(formatChineseDate(day.date))}
        confirmLabel={T.reopenConfirm}
        busy={busy}
        onConfirm={confirm}
        onCancel={() => {
          setAsking(false);
          setMissing(false);
        }}
      >
        <p>{T.reopenBody}</p>
        <div className={missing ? 'ui-field has-error' : 'ui-field'}>
          <label htmlFor={id}>{T.reopenReason}</label>
          <input
            id={id}
            value={reason}
            placeholder={T.reopenReasonHint}
            aria-invalid={missing}
            aria-describedby={missing ? `${id}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
          {missing ? (
            <span id={`${id}-error`} className="ui-error" role="alert">
              {T.reopenReasonMissing}
            </span>
          ) : null}
        </div>
        {error ? <ErrorNotice message={T.reopenFailed} error={error} /> : null}
      </ConfirmDialog>
    </>
  );
}
