/**
 * The rules for what a person may type into the console's account forms, checked at the
 * trust boundary (the store) so the console, the CLI and any future door refuse alike.
 */
import { findUnsafeText } from '../../../shared/protocol/index.js';
import { ClerkError } from './clerkError.js';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 40;

/** User names are compared in lower case; spaces around them are dropped. */
export function normalizeUsername(raw: string): string {
  return raw.trim().toLowerCase();
}

export function checkUsername(raw: unknown): string {
  if (typeof raw !== 'string') throw new ClerkError('badUsername', '请填写用户名。');
  const name = normalizeUsername(raw);
  if (!USERNAME.test(name)) throw new ClerkError('badUsername', '用户名应为 3–32 位小写字母、数字、点、下划线或短横线，并以字母或数字开头。');
  return name;
}

/** A display or department name: trimmed, 1–40 characters, no invisible control characters. */
export function checkName(raw: unknown, what: string): string {
  if (typeof raw !== 'string') throw new ClerkError('badName', `请填写${what}。`);
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '' || [...name].length > NAME_MAX) throw new ClerkError('badName', `请填写${what}（不超过 ${NAME_MAX} 个字）。`);
  if (findUnsafeText(name)) throw new ClerkError('badText', `${what}中含有不可见的控制字符，请删除后重试。`);
  return name;
}

export function checkPassword(raw: unknown, username: string): string {
  if (typeof raw !== 'string' || [...raw].length < PASSWORD_MIN || [...raw].length > PASSWORD_MAX) {
    throw new ClerkError('weakPassword', `密码应为 ${PASSWORD_MIN}–${PASSWORD_MAX} 个字符。`);
  }
  if (findUnsafeText(raw)) throw new ClerkError('badText', '密码中含有不可见的控制字符，请换一个。');
  if (raw.toLowerCase().includes(username)) throw new ClerkError('weakPassword', '密码不能包含用户名。');
  if (new Set(raw).size < 4) throw new ClerkError('weakPassword', '密码过于简单，请混用更多不同的字符。');
  return raw;
}
