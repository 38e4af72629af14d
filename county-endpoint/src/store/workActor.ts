/**
 * Who performs a piece of county work, for the audit row written in the same transaction:
 * a console user, or the clerk's command line (no user).
 */
import type { Queryable } from '../db/database.js';
import { ClerkError } from './clerkError.js';
import { findUnsafeText } from '../../../shared/protocol/index.js';
import { recordAudit } from './consoleAudit.js';

export interface Actor {
  userId: string | null;
  username: string | null;
  /** Kept with follow-up notes as it was then. */
  displayName: string;
  address: string | null;
}

export const CLI_ACTOR: Actor = { userId: null, username: null, displayName: '命令行', address: null };

export async function audit(tx: Queryable, actor: Actor, action: string, target: string, now: Date, detail: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(tx, { userId: actor.userId, username: actor.username, action, target, address: actor.address, detail: actor.userId ? detail : { ...detail, via: 'cli' } }, now);
}

/**
 * A piece of free text from a console form: refused with a control character or an
 * unpaired surrogate (the station could not show it), trimmed, within `max` characters.
 */
export function cleanText(value: string, label: string, max: number, required: boolean): string {
  if (findUnsafeText(value)) throw new ClerkError('badText', `${label}中含有不可见的控制字符，请删除后重试。`);
  const text = value.trim();
  if (required && text === '') throw new ClerkError('missingText', `请填写${label}。`);
  if (text.length > max) throw new ClerkError('textTooLong', `${label}不能超过 ${max} 个字。`);
  return text;
}
