/** A saved reception's issues with where each stands now, each one click from its screen. */
import { Link } from 'wouter';
import { ISSUE_STATUS_LABELS } from '../../../../shared/domain/enums';
import { getDb, receptionsRepo, useLiveQuery } from '../../db';
import { F } from './strings';
import '../issues/issues.css';
import './followUp.css';

export function ReceptionIssues({ receptionId }: { receptionId: string }) {
  const issues = useLiveQuery(async () => (await receptionsRepo.getReception(getDb(), receptionId))?.issues ?? [], [receptionId]);
  if (!issues || issues.length === 0) return null;
  return (
    <section className="panel reception-issues" aria-label={F.receptionIssues}>
      <h2>{F.receptionIssues}</h2>
      <ol>
        {issues.map((issue) => (
          <li key={issue.id}>
            <Link href={`/issue/${issue.id}`}>{issue.summary}</Link>{' '}
            <span className={`issue-status issue-status-${issue.status}`}>{ISSUE_STATUS_LABELS[issue.status]}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
