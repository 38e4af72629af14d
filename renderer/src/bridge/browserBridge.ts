/**
 * The bridge for the browser flavour (development and end-to-end tests): the same
 * interface as the desktop preload, implemented with browser APIs. The desktop build
 * never uses it: there the preload's window.stationDesk is present.
 */
import type { BridgeApi, CountyConfig, TokenStatus } from '../../../shared/bridge/contract';
import { countyTargetChanged } from '../../../shared/bridge/countyAddress';
import { contractSchemas } from './bridgeSchemas';
import { createBrowserBackup } from './browserBackup';
import { createBrowserFiles } from './browserFiles';

const CONFIG_KEY = 'stationDesk.countyConfig';
const TOKEN_KEY = 'stationDesk.token';

async function readConfig(): Promise<CountyConfig> {
  const { countyConfigSchema } = await contractSchemas();
  const raw = localStorage.getItem(CONFIG_KEY);
  const parsed = countyConfigSchema.safeParse(raw ? JSON.parse(raw) : {});
  return parsed.success ? parsed.data : { endpointUrl: '', caCertificatePem: '' };
}

function tokenStatus(): TokenStatus {
  const token = localStorage.getItem(TOKEN_KEY) ?? '';
  return { configured: token !== '', masked: token ? `••••${token.slice(-4)}` : '', encrypted: false };
}

export function createBrowserBridge(): BridgeApi {
  return {
    app: {
      info: async () => ({ name: '联络站接待台', version: __APP_VERSION__, flavour: 'browser', platform: navigator.platform }),
    },
    county: {
      send: async (request) => {
        const req = (await contractSchemas()).countyRequestSchema.parse(request);
        const { endpointUrl } = await readConfig();
        if (!endpointUrl) return { kind: 'networkError', reason: 'notConfigured', message: 'County endpoint address is not set' };
        const token = localStorage.getItem(TOKEN_KEY);
        if (!token) return { kind: 'networkError', reason: 'tokenMissing', message: 'Station token is not set' };
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), req.timeoutMs);
        try {
          const res = await fetch(endpointUrl.replace(/\/+$/, '') + req.path, {
            method: req.method,
            headers: { authorization: `Bearer ${token}`, ...(req.body ? { 'content-type': 'application/json' } : {}) },
            body: req.body ?? null,
            signal: controller.signal,
            cache: 'no-store',
          });
          const body = await res.text();
          return { kind: 'response', status: res.status, retryAfter: res.headers.get('retry-after'), body };
        } catch (error) {
          const aborted = controller.signal.aborted;
          return {
            kind: 'networkError',
            reason: aborted ? 'timeout' : 'unreachable',
            message: aborted ? `No answer within ${req.timeoutMs} ms` : String(error),
          };
        } finally {
          clearTimeout(timer);
        }
      },
      getConfig: readConfig,
      setConfig: async (config) => {
        const parsed = (await contractSchemas()).countyConfigSchema.parse(config);
        // As in main: a new address or certificate clears the token, so it never follows a redirect.
        if (countyTargetChanged(await readConfig(), parsed)) localStorage.removeItem(TOKEN_KEY);
        localStorage.setItem(CONFIG_KEY, JSON.stringify(parsed));
        return parsed;
      },
      tokenStatus: async () => tokenStatus(),
      setToken: async ({ token }) => {
        localStorage.setItem(TOKEN_KEY, token.trim());
        return tokenStatus();
      },
      clearToken: async () => {
        localStorage.removeItem(TOKEN_KEY);
        return tokenStatus();
      },
    },
    print: {
      print: async (options) => {
        (await contractSchemas()).printOptionsSchema.parse(options ?? {});
        window.print();
        return { outcome: 'printed', message: '' };
      },
      savePdf: async (options) => {
        (await contractSchemas()).printOptionsSchema.parse(options ?? {});
        // Browsers save PDFs from their own print dialog ("另存为 PDF").
        window.print();
        return { outcome: 'printed', message: '浏览器版请在打印对话框中选择“另存为 PDF”' };
      },
    },
    backup: createBrowserBackup(),
    files: createBrowserFiles(),
  };
}
