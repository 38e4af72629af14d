/**
 * Sends one protocol request to the county endpoint on the renderer's behalf. Main adds
 * the base address and the Authorization header (the renderer never sees the token),
 * enforces the timeout, and turns every failure into the contract's CountyResponse so the
 * sync engine can decide about retries. Messages are English, for logs and developers;
 * the renderer shows Chinese text per `reason`.
 */
import type { CountyRequest, CountyResponse } from '../../../shared/bridge/contract';
import type { FetchPort } from '../ports';
import type { Logger } from './logging';
import type { SettingsStore } from './settingsStore';
import type { TokenStore } from './tokenStore';

/** The request after the contract's schema parsed it (timeoutMs filled in). */
export type ParsedCountyRequest = Required<Pick<CountyRequest, 'method' | 'path' | 'timeoutMs'>> & { body?: string | undefined };

export interface CountyTransport {
  send(request: ParsedCountyRequest): Promise<CountyResponse>;
}

export interface CountyTransportDeps {
  fetch: FetchPort;
  settings: SettingsStore;
  tokens: TokenStore;
  logger: Logger;
}

export function createCountyTransport({ fetch, settings, tokens, logger }: CountyTransportDeps): CountyTransport {
  return {
    async send(request) {
      const { endpointUrl } = settings.read();
      if (!endpointUrl) return { kind: 'networkError', reason: 'notConfigured', message: 'County endpoint address is not set' };
      const token = tokens.reveal();
      if (!token) return { kind: 'networkError', reason: 'tokenMissing', message: 'Station token is not set' };

      const url = endpointUrl.replace(/\/+$/, '') + request.path;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), request.timeoutMs);
      const started = Date.now();
      try {
        const res = await fetch(url, {
          method: request.method,
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'application/json',
            ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: request.body ?? null,
          signal: controller.signal,
          cache: 'no-store',
          redirect: 'error',
        });
        // The body is read under the same deadline: a server that stalls mid-answer is a timeout too.
        const body = await res.text();
        logger.info('county request answered', { method: request.method, path: stripQuery(request.path), status: res.status, ms: Date.now() - started });
        return { kind: 'response', status: res.status, retryAfter: res.headers.get('retry-after'), body };
      } catch (error) {
        const reason = controller.signal.aborted ? 'timeout' : isCertificateError(error) ? 'certificate' : 'unreachable';
        const message =
          reason === 'timeout' ? `No answer within ${request.timeoutMs} ms` : `${reason === 'certificate' ? 'Certificate rejected' : 'Endpoint unreachable'}: ${describe(error)}`;
        logger.warn('county request failed', { method: request.method, path: stripQuery(request.path), reason, error: describe(error) });
        return { kind: 'networkError', reason, message };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function stripQuery(path: string): string {
  return path.split('?')[0] ?? path;
}

/** Error text including Node's `cause` (undici) or Chromium's net:: code (net.fetch). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const causeText = cause instanceof Error ? `${(cause as Error & { code?: string }).code ?? ''} ${cause.message}`.trim() : '';
  return causeText ? `${error.message} (${causeText})` : error.message;
}

function isCertificateError(error: unknown): boolean {
  return /ERR_CERT_|ERR_SSL_|CERT_|certificate|self[- ]signed|UNABLE_TO_VERIFY|ERR_TLS_CERT/i.test(describe(error));
}
