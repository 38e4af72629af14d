/**
 * The reception form's values and their conversion to and from the domain input.
 * The form keeps the time as a datetime-local string and issue ids under `issueId`
 * (useFieldArray reserves `id` for its own row keys); everything else matches
 * ReceptionInput so validation messages land on the same paths.
 */
import type { Channel, HandlingMode } from '../../../../shared/domain/enums';
import type { Issue, Reception, ReceptionInput } from '../../../../shared/domain/schemas';
import { toLocalIso } from '../../../../shared/domain/time';
import { sanitizeText } from '../../../../shared/protocol/text';

export interface VisitorValues {
  name: string;
  phone: string;
  enterprise: string;
  position: string;
}

export interface IssueValues {
  issueId: string;
  category: string;
  summary: string;
  request: string;
  onSpotAnswer: string;
  handling: HandlingMode | '';
  suggestedDepartment: string;
}

export interface ReceptionFormValues {
  channel: Channel;
  receivedAt: string;
  deputyIds: string[];
  visitors: VisitorValues[];
  issues: IssueValues[];
  /** The visitors agreed to the personal-data notice (features/access/ConsentField). */
  consent: boolean;
  /** The notice version agreed to, and when ('' until agreed / saved). */
  consentNoticeVersion: string;
  consentAgreedAt: string;
}

export const emptyVisitor = (enterprise = ''): VisitorValues => ({ name: '', phone: '', enterprise, position: '' });

export const emptyIssue = (): IssueValues => ({
  issueId: '',
  category: '',
  summary: '',
  request: '',
  onSpotAnswer: '',
  handling: '',
  suggestedDepartment: '',
});

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DDTHH:mm' in local time, the value format of <input type="datetime-local">. */
export function toLocalInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function newReceptionValues(deputyIds: string[], now: Date = new Date()): ReceptionFormValues {
  return {
    channel: 'walkIn',
    receivedAt: toLocalInput(now),
    deputyIds,
    visitors: [emptyVisitor()],
    issues: [emptyIssue()],
    consent: false,
    consentNoticeVersion: '',
    consentAgreedAt: '',
  };
}

export function valuesFromReception(reception: Reception, issues: Issue[]): ReceptionFormValues {
  return {
    channel: reception.channel,
    receivedAt: toLocalInput(new Date(reception.receivedAt)),
    deputyIds: [...reception.deputyIds],
    visitors: reception.visitors.map((v) => ({ ...v })),
    issues: issues.map((i) => ({
      issueId: i.id,
      category: i.category,
      summary: i.summary,
      request: i.request,
      onSpotAnswer: i.onSpotAnswer,
      handling: i.handling,
      suggestedDepartment: i.suggestedDepartment,
    })),
    consent: reception.consent !== undefined,
    consentNoticeVersion: reception.consent?.noticeVersion ?? '',
    consentAgreedAt: reception.consent?.agreedAt ?? '',
  };
}

/**
 * The candidate handed to receptionInputSchema. An unchosen handling mode stays ''
 * and an unreadable time becomes '' so that the schema reports them in Chinese.
 * Control characters and broken surrogates (pasted text carries them) are removed from
 * every text here, so a saved reception never holds one (docs/sync-protocol.md, "Text").
 */
export function toReceptionCandidate(values: ReceptionFormValues): ReceptionInput {
  const time = values.receivedAt ? new Date(values.receivedAt) : null;
  return {
    channel: values.channel,
    receivedAt: time && !Number.isNaN(time.getTime()) ? toLocalIso(time) : '',
    deputyIds: values.deputyIds,
    visitors: values.visitors.map((v) => ({
      name: sanitizeText(v.name),
      phone: sanitizeText(v.phone),
      enterprise: sanitizeText(v.enterprise),
      position: sanitizeText(v.position),
    })),
    issues: values.issues.map(({ issueId, handling, category, summary, request, onSpotAnswer, suggestedDepartment }) => ({
      category: sanitizeText(category),
      summary: sanitizeText(summary),
      request: sanitizeText(request),
      onSpotAnswer: sanitizeText(onSpotAnswer),
      suggestedDepartment: sanitizeText(suggestedDepartment),
      ...(issueId ? { id: issueId } : {}),
      handling: handling as HandlingMode,
    })),
    ...(values.consent && values.consentNoticeVersion
      ? { consent: { agreedAt: values.consentAgreedAt || toLocalIso(new Date()), noticeVersion: values.consentNoticeVersion } }
      : {}),
  };
}

/** What the autosave writes: the whole form, and which saved version it edits. */
export interface ReceptionDraftData {
  v: 1;
  values: ReceptionFormValues;
  /** updatedAt of the reception the edit started from; null for a new reception. */
  baseUpdatedAt: string | null;
}

export function isReceptionDraftData(data: unknown): data is ReceptionDraftData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<ReceptionDraftData>;
  const v = d.values;
  return (
    d.v === 1 &&
    typeof v === 'object' &&
    v !== null &&
    typeof v.receivedAt === 'string' &&
    Array.isArray(v.deputyIds) &&
    Array.isArray(v.visitors) &&
    v.visitors.length > 0 &&
    Array.isArray(v.issues) &&
    v.issues.length > 0
  );
}
