/**
 * Stored shapes added by schema v10 for closing the loop at the station: what was done
 * after the county (or the station itself) answered — the answer handed back to the
 * visitor, progress and results of the station's own follow-up — and the visitor's
 * ratings. Rows are never changed: a correction is a later row.
 */
import type { HandBackMethod, SatisfactionRating } from '../../../shared/domain/satisfaction';

/** Where the station stands with an issue after the answer (kept in the issue's state row). */
export interface IssueTrack {
  /** The issue is handled by the station itself (联络站协调). */
  followUp: boolean;
  /** County seq of the answer last handed back to the visitor (0: none). */
  handedBackSeq: number;
  /** County seq of the answer last rated (0: none). */
  ratedSeq: number;
  /** Station clock: the last progress note of the station's follow-up. */
  progressAt: string | null;
  /** Station clock: when the station's result was recorded and waits for the visitor's rating. */
  resultAt: string | null;
  /** Station clock: when the station closed its own follow-up with a satisfied rating. */
  closedAt: string | null;
}

export const EMPTY_TRACK: IssueTrack = { followUp: false, handedBackSeq: 0, ratedSeq: 0, progressAt: null, resultAt: null, closedAt: null };

/** What 待办 lists an issue under, when anything. */
export type TodoMark = 'handBack' | 'rate';

export interface IssueActionRow {
  id: string;
  issueId: string;
  kind: 'handBack' | 'progress' | 'result';
  /** handBack only. */
  method: HandBackMethod | null;
  /** When it happened (as entered). */
  at: string;
  /** The deputy (or staff member) who did it. */
  by: string;
  text: string;
  /** Station clock: when it was recorded (indexed: what a duty day handled). */
  recordedAt: string;
}

export interface RatingRow {
  /** Client id, also the id of the rating item at the county. */
  id: string;
  issueId: string;
  rating: SatisfactionRating;
  ratedBy: string;
  ratedAt: string;
  note: string;
  /** 不满意: the reason. */
  reason: string;
  /** The earlier rating this one corrects, if any (never overwritten). */
  supersedes: string | null;
  /** Exactly what is sent (the protocol's note). */
  countyNote: string;
  /** Station clock: when it was recorded. */
  recordedAt: string;
}
