import { describe, expect, it, vi } from 'vitest';
import { allChannels, type BridgeHandlers } from '../../../shared/bridge/contract';
import { registerBridgeHandlers, type IpcMainLike, type InvokeEventLike } from '../../../electron/main/ipc';
import type { HandlerContext, SenderContents } from '../../../electron/main/ports';
import { isAppUrl } from '../../../electron/main/origin';
import { backupHandlers } from '../../../electron/main/ipc/backupHandlers';
import { createBackupFiles } from '../../../electron/main/services/backupFiles';
import { recordingLogger, tempDir } from './support';

const sender = { print: vi.fn(), printToPDF: vi.fn() } as unknown as SenderContents;

function setup(adjust: (h: BridgeHandlers<HandlerContext>) => void = () => undefined) {
  const channels = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = { handle: (channel, listener) => channels.set(channel, listener) };
  const send = vi.fn(async () => ({ kind: 'response' as const, status: 200, retryAfter: null, body: '{}' }));
  const setToken = vi.fn(async () => ({ configured: true, masked: '••••abcd', encrypted: true }));
  const savePdf = vi.fn(async () => ({ outcome: 'saved' as const, message: '' }));
  const handlers: BridgeHandlers<HandlerContext> = {
    app: { info: () => ({ name: '联络站接待台', version: '1', flavour: 'desktop', platform: 'linux' }) },
    county: {
      send,
      getConfig: () => ({ endpointUrl: '', caCertificatePem: '' }),
      setConfig: (c) => c,
      tokenStatus: () => ({ configured: false, masked: '', encrypted: true }),
      setToken,
      clearToken: () => ({ configured: false, masked: '', encrypted: true }),
    },
    print: { print: async () => ({ outcome: 'printed', message: '' }), savePdf },
    backup: backupHandlers({
      backups: createBackupFiles({
        userDataDir: tempDir().path,
        defaultDir: () => '/nonexistent',
        dialog: { askBackupSavePath: async () => null, askBackupOpenPath: async () => null },
        logger: recordingLogger(),
      }),
    }),
    files: { save: async () => ({ outcome: 'cancelled', fileName: '', message: '' }) },
  };
  adjust(handlers);
  const logger = recordingLogger();
  const registered = registerBridgeHandlers(ipc, handlers, { isTrustedSender: (url) => isAppUrl(url), logger });
  const invoke = (channel: string, frameUrl: string | null, ...args: unknown[]) =>
    channels.get(channel)!({ senderFrame: frameUrl === null ? null : { url: frameUrl }, sender }, ...args);
  return { registered, invoke, send, setToken, savePdf, logger };
}

const APP = 'app://station-desk/index.html#/sync';

describe('IPC registration and validation', () => {
  it('registers exactly one handler per contract channel', () => {
    const { registered } = setup();
    expect(registered.sort()).toEqual(allChannels().map((c) => c.channel).sort());
  });

  it('passes the parsed request (defaults filled in) and the sender to the handler', async () => {
    const { invoke, send, savePdf } = setup();
    const res = await invoke('county:send', APP, { method: 'POST', path: '/v1/push', body: '{}' });
    expect(res).toEqual({ kind: 'response', status: 200, retryAfter: null, body: '{}' });
    expect(send).toHaveBeenCalledWith({ method: 'POST', path: '/v1/push', body: '{}', timeoutMs: 15_000 }, { sender });
    await invoke('print:savePdf', APP, {});
    expect(savePdf).toHaveBeenCalledWith({ landscape: false, suggestedName: '表单.pdf' }, { sender });
  });

  it.each([
    ['county:send', { method: 'DELETE', path: '/v1/push' }],
    ['county:send', { method: 'GET', path: 'https://evil.example/v1/push' }],
    ['county:send', 'GET /v1/push'],
    ['county:setToken', { token: 'short' }],
    ['county:setConfig', { endpointUrl: 'ftp://county' }],
    ['print:savePdf', { suggestedName: '../../etc/passwd' }],
    ['app:info', { anything: true }],
  ])('rejects a bad argument for %s before any handler runs', async (channel, arg) => {
    const { invoke, send, setToken, savePdf } = setup();
    await expect(invoke(channel, APP, arg)).rejects.toThrow(/Invalid argument/);
    expect(send).not.toHaveBeenCalled();
    expect(setToken).not.toHaveBeenCalled();
    expect(savePdf).not.toHaveBeenCalled();
  });

  it('rejects extra arguments', async () => {
    const { invoke, send } = setup();
    await expect(invoke('county:send', APP, { method: 'GET', path: '/v1/pull' }, 'extra')).rejects.toThrow(/expected one argument/);
    expect(send).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///C:/page.html', 'app://other/index.html', 'about:blank', ''])('rejects a sender frame at %s', async (url) => {
    const { invoke, setToken } = setup();
    await expect(invoke('county:setToken', url, { token: 'a-valid-looking-token-123456' })).rejects.toThrow(/sender is not the app/);
    expect(setToken).not.toHaveBeenCalled();
  });

  it('rejects a message whose frame is gone', async () => {
    const { invoke } = setup();
    await expect(invoke('app:info', null)).rejects.toThrow(/sender is not the app/);
  });

  it('logs validation failures without the payload', async () => {
    const { invoke, logger } = setup();
    const secretish = 'tok-SHOULD-NOT-BE-LOGGED-13912345678';
    await expect(invoke('county:setToken', APP, { token: 42, note: secretish })).rejects.toThrow();
    await expect(invoke('county:send', APP, { method: 'GET', path: `/x/${secretish}` })).rejects.toThrow();
    expect(logger.entries.filter((e) => e.message === 'ipc rejected: invalid argument')).toHaveLength(2);
    expect(logger.text()).not.toContain('SHOULD-NOT-BE-LOGGED');
    expect(logger.text()).toContain('county:setToken');
  });

  it('refuses to answer off-contract', async () => {
    const { invoke } = setup((h) => {
      h.county.getConfig = () => ({ endpointUrl: 'not a url', caCertificatePem: '' });
    });
    await expect(invoke('county:getConfig', APP)).rejects.toThrow(/Internal error/);
  });
});
