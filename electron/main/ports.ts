/**
 * The few Electron capabilities the IPC handlers and services use, as plain interfaces.
 * index.ts wires them to Electron (electronPorts.ts); the unit tests and the desktop
 * test double wire them to fakes. Nothing under ipc/ or services/ imports 'electron' at
 * run time, which is what lets the real handlers run outside Electron.
 */

/** Electron's safeStorage, reduced to what the token store needs. */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  /** 'basic_text' on Linux without a keyring: "encrypted" with a fixed, public key. */
  backend(): string;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** net.fetch (Chromium's network stack: system proxy, OS certificate store). */
export type FetchPort = (url: string, init: RequestInit) => Promise<Response>;

export interface PrintToPdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  landscape: boolean;
  preferCSSPageSize: boolean;
}

/** The webContents that sent an IPC message, as far as printing needs it. */
export interface SenderContents {
  print(options: { silent: boolean; printBackground: boolean; landscape: boolean }, callback: (success: boolean, failureReason: string) => void): void;
  printToPDF(options: PrintToPdfOptions): Promise<Uint8Array>;
}

export interface SaveDialogPort {
  /** Resolves to the chosen path, or null when the user cancelled. */
  askSavePath(sender: SenderContents, options: { defaultPath: string; title: string }): Promise<string | null>;
}

/** Save and open dialogs for backup files (filters: 联络站备份 *.sdbackup). */
export interface BackupDialogPort {
  askBackupSavePath(sender: SenderContents, options: { defaultPath: string; title: string }): Promise<string | null>;
  askBackupOpenPath(sender: SenderContents, options: { defaultPath: string; title: string }): Promise<string | null>;
}

/** The save dialog for files the app makes (台账 .xlsx, charts .png), filtered to the file's kind. */
export interface FileDialogPort {
  askFileSavePath(sender: SenderContents, options: { defaultPath: string; title: string; filter: { name: string; extensions: string[] } }): Promise<string | null>;
}

export interface AppIdentity {
  name: string;
  version: string;
  platform: string;
}

/** Per-call context handed to every bridge handler. */
export interface HandlerContext {
  sender: SenderContents;
}
