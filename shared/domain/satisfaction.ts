/**
 * Closing the loop at the station: how a department's answer is handed back to the
 * visitor, and the visitor's rating (满意度). Codes are stored; labels are shown.
 */
import { z } from 'zod';
import { SATISFACTION_RATINGS, type SatisfactionRating } from '../protocol/payloads';

export { SATISFACTION_RATINGS, type SatisfactionRating };

export const RATING_LABELS: Record<SatisfactionRating, string> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

export const HAND_BACK_METHODS = ['phone', 'inPerson', 'enterpriseVisit', 'noticeBoard'] as const;
export type HandBackMethod = (typeof HAND_BACK_METHODS)[number];
export const HAND_BACK_LABELS: Record<HandBackMethod, string> = {
  phone: '电话',
  inPerson: '面谈',
  enterpriseVisit: '走访企业',
  noticeBoard: '公示栏',
};

const name = z.string().trim().min(1, '请填写').max(30, '不超过 30 个字');
const note = z.string().trim().max(500, '不超过 500 个字');
const at = z.iso.datetime({ offset: true, error: '请填写时间' });

export const handBackInputSchema = z.strictObject({
  issueId: z.string().min(8).max(64),
  method: z.enum(HAND_BACK_METHODS, { error: '请选择反馈方式' }),
  at,
  deputyName: name,
  note,
});
export type HandBackInput = z.infer<typeof handBackInputSchema>;

export const ratingInputSchema = z
  .strictObject({
    issueId: z.string().min(8).max(64),
    rating: z.enum(SATISFACTION_RATINGS, { error: '请选择评价' }),
    /** Who gave the rating: the visitor (or the enterprise's contact). */
    ratedBy: name,
    ratedAt: at,
    note,
    /** 不满意: why, required. */
    reason: note,
  })
  .superRefine((r, ctx) => {
    if (r.rating === 'unsatisfied' && r.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: '不满意时请填写原因' });
  });
export type RatingInput = z.infer<typeof ratingInputSchema>;

export const progressInputSchema = z.strictObject({
  issueId: z.string().min(8).max(64),
  kind: z.enum(['progress', 'result']),
  at,
  by: name,
  text: z.string().trim().min(1, '请填写').max(1000, '不超过 1000 个字'),
});
export type ProgressInput = z.infer<typeof progressInputSchema>;

/** What the rating sent to the county says: the note, and for 不满意 the reason and the request. */
export function ratingNoteForCounty(r: Pick<RatingInput, 'rating' | 'note' | 'reason' | 'ratedBy'>, limit: number): string {
  const parts = [r.rating === 'unsatisfied' ? `不满意原因：${r.reason}；请求持续督办` : '', r.note, `评价人：${r.ratedBy}`].filter(Boolean);
  return parts.join('。').slice(0, limit);
}
