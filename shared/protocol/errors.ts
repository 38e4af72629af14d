/**
 * Error bodies, rejection reasons and their Chinese messages.
 *
 * A request-level error (the whole request failed) is `{ error: { code, message } }` with
 * an English message for logs; the station shows REQUEST_ERROR_MESSAGES[code] instead.
 * An item-level rejection is a `rejected` receipt carrying a REJECTION_CODES value and
 * the Chinese message from REJECTION_MESSAGES.
 */
import { z } from 'zod';

export const REQUEST_ERROR_CODES = [
  'badJson',
  'invalidRequest',
  'unauthorized',
  'forbidden',
  'payloadTooLarge',
  'unsupportedMediaType',
  'unsupportedProtocolVersion',
  'notFound',
  /** The request's headers or body did not arrive in time (a stalled upload). */
  'requestTimeout',
  /** The request's headers are larger than the server reads. */
  'headersTooLarge',
  'rateLimited',
  'overloaded',
  'internal',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

/** HTTP status the endpoint answers with for each code. */
export const REQUEST_ERROR_STATUS: Record<RequestErrorCode, number> = {
  badJson: 400,
  invalidRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  unsupportedProtocolVersion: 426,
  notFound: 404,
  requestTimeout: 408,
  headersTooLarge: 431,
  rateLimited: 429,
  overloaded: 503,
  internal: 500,
};

export const REQUEST_ERROR_MESSAGES: Record<RequestErrorCode, string> = {
  badJson: '发送的数据格式有误，县里无法读取。请联系技术支持。',
  invalidRequest: '发送的数据不完整或格式不对，县里拒收。请联系技术支持。',
  unauthorized: '联络站令牌无效或未设置，请在“设置”中重新填写县里发放的令牌。',
  forbidden: '这个令牌不属于本联络站，请在“设置”中核对联络站编号和令牌。',
  payloadTooLarge: '一次发送的数据太多，将自动分批重发。',
  unsupportedMediaType: '发送的数据类型不对，县里拒收。请联系技术支持。',
  unsupportedProtocolVersion: '本软件版本与县里的系统不兼容，请升级接待台软件。',
  notFound: '县里的地址不对，请在“设置”中核对县里系统地址。',
  requestTimeout: '数据没有及时送到县里（网络太慢或中断），稍后自动重试。',
  headersTooLarge: '发送的请求头过大，县里拒收。请联系技术支持。',
  rateLimited: '发送太频繁，稍后自动重试。',
  overloaded: '县里的系统繁忙，稍后自动重试。',
  internal: '县里的系统出错，稍后自动重试。',
};

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** Field paths and reasons for invalidRequest, in English. */
    details: z.array(z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const REJECTION_CODES = [
  /** The item does not match the schema of its kind. */
  'invalidItem',
  /** The item's kind is not one this endpoint accepts. */
  'unknownKind',
  /** contentHash is not the sha-256 of the payload's canonical JSON. */
  'hashMismatch',
  /** An issue id in the list already belongs to another list. */
  'issueIdTaken',
  /** The item id is already used by another station. */
  'idTaken',
  /** A satisfaction rating for an issue the county has not received from this station. */
  'unknownIssue',
  /** A text holds a control character or an unpaired surrogate (see text.ts); the station can strip them and resend. */
  'invalidText',
  /**
   * The county failed while storing this item; nothing of it was stored. Not the item's
   * fault as far as the county knows: the station retries it later, backing off, and
   * sends its other items meanwhile.
   */
  'storeFailed',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const REJECTION_MESSAGES: Record<RejectionCode, string> = {
  invalidItem: '这份数据内容不完整或格式不对，县里拒收。请核对后重新封存。',
  unknownKind: '县里的系统不认识这类数据，请升级接待台软件或联系县人大选联工委。',
  hashMismatch: '数据在传输中校验不一致，县里拒收。请联系技术支持。',
  issueIdTaken: '清单中的某个问题已在另一份清单中报送过，县里拒收。请核对后重新封存。',
  idTaken: '这份清单的编号与其他联络站重复，县里拒收。请联系技术支持。',
  unknownIssue: '县里没有收到这个问题的清单，满意度暂不能报送。请先报送问题清单。',
  invalidText: '清单文字中含有不可见的控制字符（多由复制粘贴带入），县里拒收。请修改相关问题后重新封存，或联系技术支持。',
  storeFailed: '县里的系统保存这份清单时出错，清单没有保存。',
};

/** Rejections the station retries on its own (with backoff, a bounded number of times). */
export const RETRYABLE_REJECTIONS: readonly RejectionCode[] = ['storeFailed'];

/** Chinese message for a conflict receipt (same id, different content). */
export const CONFLICT_MESSAGE = '县里已收到同一编号但内容不同的清单，未覆盖。请联系县人大选联工委核对。';
