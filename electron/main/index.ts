/**
 * Main-process lifecycle only: single instance, the app:// scheme, session and window
 * hardening, IPC registration, window creation. Logic lives in security.ts, appScheme.ts,
 * windows/, ipc/ and services/ so it can be tested without Electron.
 */
import { join } from 'node:path';
import { app, ipcMain, Menu, protocol, session, type BrowserWindow } from 'electron';
import { APP_SCHEME_PRIVILEGES, createAppSchemeHandler } from './appScheme';
import {
  asSenderContents,
  countySession,
  documentsDir,
  electronCipher,
  electronFetch,
  electronSaveDialog,
  electronBackupDialog,
  electronFileDialog,
  installCountyCertificateCheck,
} from './electronPorts';
import { createBridgeHandlers, registerBridgeHandlers } from './ipc';
import { APP_ENTRY_URL, APP_SCHEME, isAppUrl } from './origin';
import { hardenSession, hardenWebContents } from './security';
import { createMainServices, logDirOf } from './services';
import { createFileLogger } from './services/logging';
import { claimSingleInstance } from './singleInstance';
import { createMainWindow } from './windows/mainWindow';

// Set by electron-vite in development only; packaged builds always use app://.
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
// Every screen is in Simplified Chinese, whatever the PC's locale: date inputs (年/月/日),
// built-in menus and messages follow Chromium's UI language.
app.commandLine.appendSwitch('lang', 'zh-CN');

if (claimSingleInstance(app, () => mainWindow)) {
  const logger = createFileLogger({ dir: logDirOf(app.getPath('userData')), echo: !app.isPackaged });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, logger, devServerUrl));

  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(() => {
      // Electron's default menu offers Reload and Toggle Developer Tools; a packaged app has
      // no menu of its own (every action is on screen), so it gets none.
      if (app.isPackaged) Menu.setApplicationMenu(null);
      hardenSession(session.defaultSession, logger, devServerUrl);
      protocol.handle(APP_SCHEME, createAppSchemeHandler(rendererDir));

      const county = countySession();
      const services = createMainServices({
        identity: { name: '联络站接待台', version: app.getVersion(), platform: process.platform },
        userDataDir: app.getPath('userData'),
        documentsDir,
        fetch: electronFetch(county),
        cipher: electronCipher,
        dialog: electronSaveDialog,
        backupDialog: electronBackupDialog,
        fileDialog: electronFileDialog,
        logger,
        onCountyConfigChanged: () => installCountyCertificateCheck(county, services.settings),
      });
      installCountyCertificateCheck(county, services.settings);

      registerBridgeHandlers(
        {
          handle: (channel, listener) =>
            ipcMain.handle(channel, (event, ...args: unknown[]) =>
              listener({ senderFrame: event.senderFrame, sender: asSenderContents(event.sender) }, ...args),
            ),
        },
        createBridgeHandlers(services),
        { isTrustedSender: (url) => isAppUrl(url, devServerUrl), logger },
      );

      mainWindow = createMainWindow(preloadPath, { devTools: !app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
      logger.info('app started', { version: app.getVersion(), packaged: app.isPackaged });
      return mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL);
    })
    .catch((error: unknown) => {
      logger.error('startup failed', { error });
      app.quit();
    });
}
