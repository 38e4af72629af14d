/**
 * The ports (ports.ts) wired to the real Electron APIs. The only main-process module
 * besides index.ts, security wiring and the window factory that touches 'electron'.
 */
import { app, BrowserWindow, dialog, safeStorage, session, type Session, type WebContents } from 'electron';
import type { BackupDialogPort, FetchPort, FileDialogPort, SaveDialogPort, SecretCipher, SenderContents } from './ports';
import { trustedByCountyCa } from './services/countyCertificate';
import type { SettingsStore } from './services/settingsStore';

/** In-memory session used only for county requests: its own certificate check, no cookies kept. */
export const COUNTY_PARTITION = 'county-transport';

export function countySession(): Session {
  return session.fromPartition(COUNTY_PARTITION, { cache: false });
}

export function electronFetch(ses: Session): FetchPort {
  return (url, init) => ses.fetch(url, { ...init, bypassCustomProtocolHandlers: true });
}

/**
 * Accept a chain Chromium found untrusted only if it leads to the county CA from the
 * settings (see countyCertificate.ts); otherwise keep Chromium's own verdict (-3).
 * Re-installed after every settings change because the network service caches verdicts.
 */
export function installCountyCertificateCheck(ses: Session, settings: SettingsStore): void {
  ses.setCertificateVerifyProc((request, callback) => {
    callback(trustedByCountyCa(request, settings.read().caCertificatePem) ? 0 : -3);
  });
  void ses.closeAllConnections();
}

export const electronCipher: SecretCipher = {
  isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
  backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'),
  encryptString: (plain) => safeStorage.encryptString(plain),
  decryptString: (encrypted) => safeStorage.decryptString(encrypted),
};

export const electronSaveDialog: SaveDialogPort = {
  async askSavePath(sender, { defaultPath, title }) {
    const owner = BrowserWindow.fromWebContents(sender as WebContents);
    const options = { title, defaultPath, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }], properties: ['showOverwriteConfirmation' as const] };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};

const BACKUP_FILTERS = [{ name: '联络站备份', extensions: ['sdbackup'] }];

export const electronBackupDialog: BackupDialogPort = {
  async askBackupSavePath(sender, { defaultPath, title }) {
    const owner = BrowserWindow.fromWebContents(sender as WebContents);
    const options = { title, defaultPath, filters: BACKUP_FILTERS, properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async askBackupOpenPath(sender, { defaultPath, title }) {
    const owner = BrowserWindow.fromWebContents(sender as WebContents);
    const options = { title, defaultPath, filters: BACKUP_FILTERS, properties: ['openFile' as const] };
    const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
};

export const electronFileDialog: FileDialogPort = {
  async askFileSavePath(sender, { defaultPath, title, filter }) {
    const owner = BrowserWindow.fromWebContents(sender as WebContents);
    const options = { title, defaultPath, filters: [filter], properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const] };
    const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};

export const asSenderContents = (contents: WebContents): SenderContents => contents;

export const documentsDir = (): string => app.getPath('documents');
