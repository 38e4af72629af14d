/**
 * What a station reports: the payloads of push items. The schemas are strict (unknown
 * keys are refused, nothing is trimmed or defaulted) so that the payload the endpoint
 * stores is byte-for-byte the one whose contentHash the station computed.
 */
import { z } from 'zod';
import { MAX_ISSUES_PER_LIST, MAX_VISITORS_PER_ISSUE, TEXT_LIMITS as L } from './constants';

/** Client-generated ids: a UUID (v7 recommended) or any 8–64 URL-safe characters. */
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'id must be 8-64 characters of A-Z a-z 0-9 _ -');
export const stationIdSchema = clientIdSchema;
/** ISO 8601 date-time with an offset or Z, e.g. 2026-03-01T09:20:00+08:00. */
export const dateTimeSchema = z.iso.datetime({ offset: true });
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'contentHash must be 64 lowercase hex digits');

const text = (max: number) => z.string().max(max);
const nonEmpty = (max: number) => z.string().min(1).max(max);

/** Intake channels, the same codes as the station's domain (checked by a unit test). */
export const PROTOCOL_CHANNELS = ['walkIn', 'phone', 'wechat', 'enterpriseVisit', 'forum', 'forwardedQr'] as const;
export const PROTOCOL_HANDLING_MODES = ['onSpot', 'stationFollowUp', 'referToCounty'] as const;
export const SATISFACTION_RATINGS = ['satisfied', 'basicallySatisfied', 'unsatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];

export const listVisitorSchema = z.strictObject({
  name: nonEmpty(L.visitorName),
  phone: text(L.phone),
  enterprise: text(L.enterprise),
  position: text(L.position),
});
export type ListVisitor = z.infer<typeof listVisitorSchema>;

export const listIssueSchema = z.strictObject({
  id: clientIdSchema,
  /** Position in the list, 1-based, as printed on the paper list. */
  seq: z.number().int().min(1).max(MAX_ISSUES_PER_LIST),
  /** The reception the issue came from; issues of one reception share it. */
  receptionId: clientIdSchema,
  channel: z.enum(PROTOCOL_CHANNELS),
  category: nonEmpty(L.category),
  summary: nonEmpty(L.summary),
  request: text(L.request),
  onSpotAnswer: text(L.onSpotAnswer),
  handling: z.enum(PROTOCOL_HANDLING_MODES),
  suggestedDepartment: text(L.department),
  /** Station clock: when the reception took place. */
  recordedAt: dateTimeSchema,
  /** Names of the deputies who received the visitor (for their duty record). */
  deputyNames: z.array(nonEmpty(L.deputyName)).max(30),
  visitors: z.array(listVisitorSchema).min(1).max(MAX_VISITORS_PER_ISSUE),
  /** When this issue corrects one sent in an earlier list: that issue's id. */
  amendsIssueId: clientIdSchema.nullable(),
});
export type ListIssue = z.infer<typeof listIssueSchema>;

/** 问题清单 number: year + sequence, shown as 〔2026〕第7号. */
export const listNumberSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  seq: z.number().int().min(1).max(99_999),
});
export type ListNumber = z.infer<typeof listNumberSchema>;

export function formatListNumber(n: ListNumber): string {
  return `〔${n.year}〕第${n.seq}号`;
}

export const issueListPayloadSchema = z
  .strictObject({
    listNumber: listNumberSchema,
    stationName: nonEmpty(L.stationName),
    /** Station clock: when the list was sealed. Informative only; the county keeps its own receive time. */
    sealedAt: dateTimeSchema,
    /** When this list corrects an earlier one: that list's id. */
    amendsListId: clientIdSchema.nullable(),
    issues: z.array(listIssueSchema).min(1).max(MAX_ISSUES_PER_LIST),
  })
  .superRefine((list, ctx) => {
    const ids = new Set<string>();
    const seqs = new Set<number>();
    list.issues.forEach((issue, i) => {
      if (ids.has(issue.id)) ctx.addIssue({ code: 'custom', path: ['issues', i, 'id'], message: 'issue id repeated within the list' });
      if (seqs.has(issue.seq)) ctx.addIssue({ code: 'custom', path: ['issues', i, 'seq'], message: 'issue seq repeated within the list' });
      ids.add(issue.id);
      seqs.add(issue.seq);
    });
  });
export type IssueListPayload = z.infer<typeof issueListPayloadSchema>;

/** A visitor's rating of how an issue was handled (满意度). */
export const satisfactionPayloadSchema = z.strictObject({
  issueId: clientIdSchema,
  rating: z.enum(SATISFACTION_RATINGS),
  /** Station clock: when the visitor gave the rating. */
  ratedAt: dateTimeSchema,
  note: text(L.note),
});
export type SatisfactionPayload = z.infer<typeof satisfactionPayloadSchema>;
