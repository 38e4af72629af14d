/**
 * Requests and responses of protocol version 1: push, updates, ping, and lists (added
 * later, additive: a county without it answers 404, see docs/sync-protocol.md).
 * The endpoint validates a push in two steps: the envelope first (a bad envelope fails
 * the whole request), then each item on its own (a bad item gets a `rejected` receipt
 * while the others are stored).
 */
import { z } from 'zod';
import { LISTS_MAX_LIMIT, MAX_ITEMS_PER_PUSH, PROTOCOL_VERSION, ROUTES, TEXT_LIMITS, UPDATES_MAX_LIMIT } from './constants';
import { calendarVersionSchema } from './calendar';
import { REJECTION_CODES } from './errors';
import {
  clientIdSchema,
  contentHashSchema,
  dateTimeSchema,
  issueListPayloadSchema,
  listNumberSchema,
  satisfactionPayloadSchema,
  stationIdSchema,
} from './payloads';

export const protocolVersionSchema = z.literal(PROTOCOL_VERSION);

export const ITEM_KINDS = ['issueList', 'satisfaction'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const issueListItemSchema = z.strictObject({
  kind: z.literal('issueList'),
  id: clientIdSchema,
  contentHash: contentHashSchema,
  payload: issueListPayloadSchema,
});
export const satisfactionItemSchema = z.strictObject({
  kind: z.literal('satisfaction'),
  id: clientIdSchema,
  contentHash: contentHashSchema,
  payload: satisfactionPayloadSchema,
});
export const pushItemSchema = z.discriminatedUnion('kind', [issueListItemSchema, satisfactionItemSchema]);
export type PushItem = z.infer<typeof pushItemSchema>;
export type IssueListItem = z.infer<typeof issueListItemSchema>;
export type SatisfactionItem = z.infer<typeof satisfactionItemSchema>;

/**
 * What the endpoint checks before looking at any item. Strict like the items: an unknown
 * top-level field is refused, not silently dropped.
 */
export const pushEnvelopeSchema = z.strictObject({
  protocolVersion: protocolVersionSchema,
  stationId: stationIdSchema,
  items: z.array(z.unknown()).min(1).max(MAX_ITEMS_PER_PUSH),
});

/** A fully valid push request, as the station builds it. */
export const pushRequestSchema = z.strictObject({
  protocolVersion: protocolVersionSchema,
  stationId: stationIdSchema,
  items: z.array(pushItemSchema).min(1).max(MAX_ITEMS_PER_PUSH),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** County reference of a stored item, e.g. JH-2026-000123. */
export const countyRefSchema = z.string().min(1).max(40);

const storedReceipt = {
  id: clientIdSchema,
  kind: z.enum(ITEM_KINDS),
  countyRef: countyRefSchema,
  /** County clock: when the item was first stored. */
  receivedAt: dateTimeSchema,
};

export const receiptSchema = z.discriminatedUnion('status', [
  /** Stored now, for the first time. */
  z.object({ status: z.literal('accepted'), ...storedReceipt }),
  /** Stored before with the same content: the original receipt, unchanged. */
  z.object({ status: z.literal('duplicate'), ...storedReceipt }),
  /** Stored before with DIFFERENT content: nothing was overwritten; the stored item's receipt fields. */
  z.object({ status: z.literal('conflict'), ...storedReceipt, storedContentHash: contentHashSchema, message: z.string() }),
  /** Not stored. `id` is the item's id as sent, or '' when it had none. */
  z.object({
    status: z.literal('rejected'),
    id: z.string(),
    /**
     * One of REJECTION_CODES. A reason added by a newer county reads as `invalidItem`: the
     * item was not stored and is set aside with the county's `message`, never a receipt
     * the station cannot read (which would make it resend the batch forever).
     */
    reason: z.enum(REJECTION_CODES).catch('invalidItem'),
    /** Chinese, for the station's user. */
    message: z.string(),
    /** English, for logs and support. */
    detail: z.string(),
  }),
]);
export type Receipt = z.infer<typeof receiptSchema>;
export type ReceiptStatus = Receipt['status'];

export const pushResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  /** One receipt per pushed item, in the same order. */
  receipts: z.array(receiptSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const STATUS_UPDATE_TYPES = ['assigned', 'responded', 'published', 'closed', 'reopened'] as const;
export type StatusUpdateType = (typeof STATUS_UPDATE_TYPES)[number];

export const statusUpdateSchema = z.object({
  /** Per-station, strictly increasing; the cursor. */
  seq: z.number().int().min(1),
  issueId: clientIdSchema,
  listId: clientIdSchema,
  type: z.enum(STATUS_UPDATE_TYPES),
  /** assigned: the department (承办单位) that must answer. */
  department: z.string().max(TEXT_LIMITS.department).optional(),
  /** assigned: the reply deadline, computed on the county clock. */
  deadline: dateTimeSchema.optional(),
  /** responded: the department's answer. */
  response: z.string().max(TEXT_LIMITS.response).optional(),
  /** closed / reopened: the clerk's note, if any. */
  note: z.string().max(TEXT_LIMITS.note).optional(),
  /** County clock: when the change was made. */
  at: dateTimeSchema,
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

const cursorParam = z
  .string()
  .regex(/^\d{1,15}$/, 'after must be a non-negative integer')
  .transform(Number);

/** Query string of GET /v1/updates (all values arrive as strings). */
export const updatesQuerySchema = z.object({
  protocolVersion: z.literal(String(PROTOCOL_VERSION)),
  after: cursorParam.default(0),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'limit must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(UPDATES_MAX_LIMIT))
    .optional(),
  /** Optional: when given, it must be the token's own station (else 403). */
  stationId: stationIdSchema.optional(),
});

export const updatesResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  updates: z.array(statusUpdateSchema),
  /** Pass as `after` next time: the seq of the last update returned, or `after` unchanged. */
  cursor: z.number().int().min(0),
  /** More updates wait after `cursor`: ask again at once. */
  hasMore: z.boolean(),
});
export type UpdatesResponse = z.infer<typeof updatesResponseSchema>;

export const pingQuerySchema = z.object({
  protocolVersion: z.literal(String(PROTOCOL_VERSION)),
});

export const pingResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  stationId: stationIdSchema,
  stationName: z.string(),
  /** County clock, to show how far the station PC's clock is off. */
  serverTime: dateTimeSchema,
  /**
   * The county's working-day calendar as it stands now (additive: an older endpoint
   * leaves it out). A station holding another version asks GET /v1/calendar. One it
   * cannot read counts as absent: the calendar never stops a station's sync.
   */
  calendarVersion: calendarVersionSchema.optional().catch(undefined),
});
export type PingResponse = z.infer<typeof pingResponseSchema>;

/** Path and query of an updates request, e.g. /v1/updates?protocolVersion=1&after=42&limit=100. */
export function updatesPath(after: number, limit?: number): string {
  const q = `protocolVersion=${PROTOCOL_VERSION}&after=${Math.max(0, Math.floor(after))}`;
  return `${ROUTES.updates}?${q}${limit === undefined ? '' : `&limit=${limit}`}`;
}

/** Query string of GET /v1/lists (additive to version 1; all values arrive as strings). */
export const listsQuerySchema = z.object({
  protocolVersion: z.literal(String(PROTOCOL_VERSION)),
  /** The id of the last list of the previous page; absent for the first page. */
  after: clientIdSchema.optional(),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'limit must be an integer')
    .transform(Number)
    .pipe(z.number().int().min(1).max(LISTS_MAX_LIMIT))
    .optional(),
  /** Optional: when given, it must be the token's own station (else 403). */
  stationId: stationIdSchema.optional(),
});

/** One issue list the county holds for the station: what its receipt said, and its number. */
export const heldListSchema = z.object({
  id: clientIdSchema,
  listNumber: listNumberSchema,
  contentHash: contentHashSchema,
  countyRef: countyRefSchema,
  /** County clock: when the list was first stored. */
  receivedAt: dateTimeSchema,
});
export type HeldList = z.infer<typeof heldListSchema>;

export const listsResponseSchema = z.object({
  protocolVersion: protocolVersionSchema,
  /** Ordered by id (byte order), the paging key. */
  lists: z.array(heldListSchema),
  /** Pass as `after` next time: the id of the last list returned, or null when none was. */
  cursor: clientIdSchema.nullable(),
  /** More lists wait after `cursor`: ask again at once. */
  hasMore: z.boolean(),
});
export type ListsResponse = z.infer<typeof listsResponseSchema>;

/** Path and query of a lists request, e.g. /v1/lists?protocolVersion=1&after=…&limit=200. */
export function listsPath(after: string | null, limit?: number): string {
  const q = `protocolVersion=${PROTOCOL_VERSION}${after === null ? '' : `&after=${encodeURIComponent(after)}`}`;
  return `${ROUTES.lists}?${q}${limit === undefined ? '' : `&limit=${limit}`}`;
}

/** Path and query of a ping request. */
export function pingPath(): string {
  return `${ROUTES.ping}?protocolVersion=${PROTOCOL_VERSION}`;
}
