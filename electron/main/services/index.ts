/** Builds every main-process service from the ports, once per app run (or per test). */
import { join } from 'node:path';
import type { AppIdentity, BackupDialogPort, FetchPort, FileDialogPort, SaveDialogPort, SecretCipher } from '../ports';
import { createFileSaving, type FileSaving } from './fileSaving';
import { createBackupFiles, type BackupFiles } from './backupFiles';
import { createCountyTransport, type CountyTransport } from './countyTransport';
import type { Logger } from './logging';
import { createPrinting, type Printing } from './printing';
import { createSettingsStore, type SettingsStore } from './settingsStore';
import { createTokenStore, type TokenStore } from './tokenStore';

export interface MainPorts {
  identity: AppIdentity;
  userDataDir: string;
  documentsDir: () => string;
  fetch: FetchPort;
  cipher: SecretCipher;
  dialog: SaveDialogPort;
  backupDialog: BackupDialogPort;
  fileDialog: FileDialogPort;
  logger: Logger;
  /** Called after the county settings changed (e.g. to re-install the CA check). */
  onCountyConfigChanged?: () => void;
}

export interface MainServices {
  identity: AppIdentity;
  settings: SettingsStore;
  tokens: TokenStore;
  transport: CountyTransport;
  printing: Printing;
  backups: BackupFiles;
  files: FileSaving;
  logger: Logger;
  onCountyConfigChanged: () => void;
}

export function createMainServices(ports: MainPorts): MainServices {
  const { logger } = ports;
  const settings = createSettingsStore(ports.userDataDir, logger);
  const tokens = createTokenStore(ports.userDataDir, ports.cipher, logger);
  return {
    identity: ports.identity,
    settings,
    tokens,
    transport: createCountyTransport({ fetch: ports.fetch, settings, tokens, logger }),
    printing: createPrinting({ dialog: ports.dialog, defaultDir: ports.documentsDir, logger }),
    backups: createBackupFiles({ userDataDir: ports.userDataDir, defaultDir: ports.documentsDir, dialog: ports.backupDialog, logger }),
    files: createFileSaving({ dialog: ports.fileDialog, defaultDir: ports.documentsDir, logger }),
    logger,
    onCountyConfigChanged: ports.onCountyConfigChanged ?? (() => undefined),
  };
}

export const logDirOf = (userDataDir: string): string => join(userDataDir, 'logs');
