/**
 * The reception's history from the audit log: created, updated, deleted, when and by whom.
 * Views and prints are in the log too (docs/access.md) but are not changes, so not listed here.
 */
import { formatChineseDate, formatTime, dayKeyOfIso } from '../../../../shared/domain/time';
import { auditRepo, getDb, useLiveQuery } from '../../db';
import { T } from './strings';

export function AuditTrail({ receptionId }: { receptionId: string }) {
  const entries = useLiveQuery(
    async () => (await auditRepo.auditFor(getDb(), 'reception', receptionId)).filter((e) => !e.action.startsWith('access.')),
    [receptionId],
  );
  return (
    <section className="rc-panel rc-audit" aria-labelledby="rc-audit-title">
      <h2 id="rc-audit-title">{T.audit}</h2>
      {entries === undefined ? (
        <p className="muted">{T.loading}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{T.auditEmpty}</p>
      ) : (
        <ol>
          {entries.map((entry) => {
            const issues = typeof entry.detail.issues === 'number' ? entry.detail.issues : null;
            const reason = typeof entry.detail.reason === 'string' && entry.detail.reason ? entry.detail.reason : null;
            return (
              <li key={entry.id}>
                <time dateTime={entry.at}>
                  {formatChineseDate(dayKeyOfIso(entry.at))} {formatTime(entry.at)}
                </time>{' '}
                <strong>{T.auditActions[entry.action] ?? entry.action}</strong>
                {entry.actor ? <span> · {entry.actor.name}</span> : null}
                {issues !== null ? <span className="muted"> · {T.auditIssues(issues)}</span> : null}
                {reason ? <span> · {T.auditReason(reason)}</span> : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
