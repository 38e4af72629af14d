/**
 * The desktop test double: runs the REAL main-process IPC handlers and services
 * (electron/main/ipc, electron/main/services) in the Playwright process and wires them to
 * the page the way Electron would. Only the few Electron APIs they need are faked:
 *
 *   ipcRenderer.invoke   → page.exposeBinding (the frame URL becomes event.senderFrame.url)
 *   preload              → an init script building window.stationDesk from the same channel list
 *   net.fetch            → Node's fetch
 *   safeStorage          → a reversible test cipher (the file on disk still never holds the token)
 *   app.getPath          → a fresh temp folder per test
 *   dialog.showSaveDialog→ a scripted answer (PDFs and backups)
 *   dialog.showOpenDialog→ a scripted answer (backups to restore)
 *   webContents.printToPDF → page.pdf() (the same Chromium print engine)
 *   webContents.print    → reports "cancelled" (headless Chromium has no print dialog)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL_NAME } from '../../../shared/bridge/channels';
import { createBridgeHandlers, registerBridgeHandlers, type InvokeEventLike } from '../../../electron/main/ipc';
import type { SecretCipher, SenderContents } from '../../../electron/main/ports';
import { createMainServices, logDirOf, type MainServices } from '../../../electron/main/services';
import { createFileLogger } from '../../../electron/main/services/logging';

import type { BridgeApi } from '../../../shared/bridge/contract';

declare global {
  interface Window {
    /** Built by the preload (or this harness's init script). */
    stationDesk?: BridgeApi;
  }
}

const BINDING = '__stationDeskIpc';

export interface DesktopHarness {
  userDataDir: string;
  documentsDir: string;
  services: MainServices;
  /** What the next save dialog answers: a path, or null for "cancel". Receives the offered default. */
  answerSaveDialog(answer: (defaultPath: string) => string | null): void;
  /** Default paths the save dialog was opened with. */
  saveDialogOffers: string[];
  /** What the next backup save dialog answers (a path, or null for "cancel"). */
  answerBackupSaveDialog(answer: (defaultPath: string) => string | null): void;
  /** What the next backup open dialog answers (a path, or null for "cancel"). */
  answerBackupOpenDialog(answer: () => string | null): void;
  /** The main-process log as written to disk. */
  logText(): string;
  dispose(): void;
}

/** Reversible, deliberately not plaintext: stands in for safeStorage with an OS keyring. */
const testCipher: SecretCipher = {
  isEncryptionAvailable: () => true,
  backend: () => 'test-cipher',
  encryptString: (plain) => Buffer.concat([Buffer.from('TESTENC1'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5))]),
  decryptString: (data) => {
    if (data.subarray(0, 8).toString() !== 'TESTENC1') throw new Error('not encrypted by the test cipher');
    return Buffer.from(data.subarray(8).map((b) => b ^ 0xa5)).toString('utf8');
  },
};

export async function installDesktopHarness(page: Page, appOrigin: string): Promise<DesktopHarness> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'station-desk-userdata-'));
  const documentsDir = mkdtempSync(join(tmpdir(), 'station-desk-documents-'));
  const logger = createFileLogger({ dir: logDirOf(userDataDir) });
  let saveAnswer: (defaultPath: string) => string | null = () => null;
  const saveDialogOffers: string[] = [];
  let backupSaveAnswer: (defaultPath: string) => string | null = () => null;
  let backupOpenAnswer: () => string | null = () => null;

  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const services = createMainServices({
    identity: { name: '联络站接待台', version, platform: process.platform },
    userDataDir,
    documentsDir: () => documentsDir,
    fetch: (url, init) => fetch(url, init),
    cipher: testCipher,
    dialog: {
      askSavePath: async (_sender, { defaultPath }) => {
        saveDialogOffers.push(defaultPath);
        return saveAnswer(defaultPath);
      },
    },
    backupDialog: {
      askBackupSavePath: async (_sender, { defaultPath }) => backupSaveAnswer(defaultPath),
      askBackupOpenPath: async () => backupOpenAnswer(),
    },
    // 台账 and charts answer as the PDF save dialog does.
    fileDialog: {
      askFileSavePath: async (_sender, { defaultPath }) => {
        saveDialogOffers.push(defaultPath);
        return saveAnswer(defaultPath);
      },
    },
    logger,
  });

  const sender: SenderContents = {
    print: (_options, callback) => callback(false, 'cancelled'),
    printToPDF: async (o) => page.pdf({ format: o.pageSize, landscape: o.landscape, printBackground: o.printBackground, preferCSSPageSize: o.preferCSSPageSize }),
  };

  const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const trustedOrigin = new URL(appOrigin).origin;
  registerBridgeHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, createBridgeHandlers(services), {
    isTrustedSender: (url) => {
      try {
        return new URL(url).origin === trustedOrigin;
      } catch {
        return false;
      }
    },
    logger,
  });

  await page.exposeBinding(BINDING, async (source, channel: unknown, ...args: unknown[]) => {
    const listener = typeof channel === 'string' ? listeners.get(channel) : undefined;
    if (!listener) throw new Error(`No handler registered for ${String(channel)}`);
    return listener({ senderFrame: { url: source.frame.url() }, sender }, ...args);
  });

  // Same shape as electron/preload/index.ts: one function per channel, one argument each.
  await page.addInitScript(
    ({ channels, globalName, binding }) => {
      const call = (window as unknown as Record<string, (channel: string, request: unknown) => Promise<unknown>>)[binding]!;
      const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
      for (const [ns, methods] of Object.entries(channels)) {
        api[ns] = Object.freeze(Object.fromEntries(methods.map((m) => [m, (request?: unknown) => call(`${ns}:${m}`, request)])));
      }
      Object.defineProperty(window, globalName, { value: Object.freeze(api), writable: false, configurable: false });
    },
    { channels: BRIDGE_CHANNELS as unknown as Record<string, string[]>, globalName: BRIDGE_GLOBAL_NAME, binding: BINDING },
  );

  return {
    userDataDir,
    documentsDir,
    services,
    saveDialogOffers,
    answerSaveDialog: (answer) => {
      saveAnswer = answer;
    },
    answerBackupSaveDialog: (answer) => {
      backupSaveAnswer = answer;
    },
    answerBackupOpenDialog: (answer) => {
      backupOpenAnswer = answer;
    },
    logText: () => {
      try {
        return readFileSync(join(logDirOf(userDataDir), 'main.log'), 'utf8');
      } catch {
        return '';
      }
    },
    dispose: () => {
      rmSync(userDataDir, { recursive: true, force: true });
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}
