/**
 * The 待办 index fields of an issue's state row (schema v10), derived from its status, the
 * county's history and the station's track. Each is present only while the issue waits for
 * it, so the indexes hold the few issues 待办 lists and reading them is never a scan:
 * - `todo`: 'handBack' — the county's answer is not yet passed to the visitor; 'rate' —
 *   passed on (or the station's own result recorded), the visitor's rating not yet taken;
 * - `dueAt`: the county's deadline, while the department has not answered (三色督办);
 * - `followUpAt`: the last progress of a 联络站协调 issue the station still follows.
 * Every write of a state row goes through `withTodo`.
 */
import type { IssueStateRow } from './syncRows';
import { EMPTY_TRACK } from './followRows';

/** County seq of the latest answer (0 when none). */
export function answerSeq(state: Pick<IssueStateRow, 'county'>): number {
  for (let i = state.county.length - 1; i >= 0; i -= 1) if (state.county[i]!.type === 'responded') return state.county[i]!.seq;
  return 0;
}

/** The deadline of the latest assignment, if any. */
export function countyDeadline(state: Pick<IssueStateRow, 'county'>): string | null {
  for (let i = state.county.length - 1; i >= 0; i -= 1) {
    const u = state.county[i]!;
    if (u.type === 'assigned' && u.deadline) return u.deadline;
  }
  return null;
}

export function todoMarks(state: IssueStateRow): Pick<IssueStateRow, 'todo' | 'dueAt' | 'followUpAt'> {
  const t = state.track ?? EMPTY_TRACK;
  const answered = state.status === 'responded' || state.status === 'published';
  const seq = answered ? answerSeq(state) : 0;
  let todo: IssueStateRow['todo'];
  if (seq > 0 && t.ratedSeq < seq) todo = t.handedBackSeq < seq ? 'handBack' : 'rate';
  else if (t.followUp && t.resultAt !== null && t.closedAt === null) todo = 'rate';
  const deadline = state.status === 'assigned' || state.status === 'reopened' ? countyDeadline(state) : null;
  const following = t.followUp && t.closedAt === null && t.resultAt === null && state.status === 'recorded';
  return {
    ...(todo ? { todo } : {}),
    ...(deadline ? { dueAt: deadline } : {}),
    ...(following ? { followUpAt: t.progressAt ?? state.recordedAt } : {}),
  };
}

/** The state with its 待办 fields recomputed (absent ones removed). */
export function withTodo(state: IssueStateRow): IssueStateRow {
  const { todo: _t, dueAt: _d, followUpAt: _f, ...rest } = state;
  return { ...rest, ...todoMarks(rest) };
}
