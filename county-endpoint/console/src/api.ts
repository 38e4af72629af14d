/**
 * The console's one door to the server. Same-origin fetch with the session cookie; every
 * request that is not GET carries the session's CSRF token. A 401 anywhere means the
 * session is gone: the registered handler shows the login screen.
 */
import { S } from './strings';

export const API_BASE = '/console/api';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (error: ApiError) => void = () => {};
let onMustChangePassword: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setAuthHandlers(handlers: { unauthorized: (error: ApiError) => void; mustChangePassword: () => void }): void {
  onUnauthorized = handlers.unauthorized;
  onMustChangePassword = handlers.mustChangePassword;
}

/** Calls the API; resolves with the JSON answer or rejects with an ApiError whose message is Chinese. */
export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(API_BASE + path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', S.common.networkError);
  }
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (res.ok) return json as T;
  const error = new ApiError(res.status, json?.error?.code ?? 'unknown', json?.error?.message ?? S.common.unknownError);
  if (res.status === 401 && !opts.quiet401) onUnauthorized(error);
  if (res.status === 403 && error.code === 'mustChangePassword') onMustChangePassword();
  throw error;
}

/** The message to show for any failure. */
export function messageOf(err: unknown): string {
  return err instanceof ApiError ? err.message : S.common.unknownError;
}
