/**
 * The one application window, hardened once here. Every webPreferences flag is spelled
 * out (even where it matches Electron's default) so a future default change or a careless
 * edit shows up in tests/unit/electron/mainWindow.test.ts.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = '联络站接待台';

export interface MainWindowFlags {
  /**
   * Developer tools read and write everything the renderer holds (visitors' phone numbers,
   * the staff session): only a development build may open them, never a packaged app.
   */
  devTools: boolean;
}

export function mainWindowOptions(preloadPath: string, iconPath?: string, flags: MainWindowFlags = { devTools: false }): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    // Station PCs are typically 1366×768; the taskbar takes some of the height.
    width: 1366,
    height: 740,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      experimentalFeatures: false,
      devTools: flags.devTools,
    },
  };
}

export function createMainWindow(preloadPath: string, flags: MainWindowFlags, iconPath?: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, iconPath, flags));
  window.once('ready-to-show', () => {
    window.show();
  });
  // The page's <title> must not replace the product name in the taskbar.
  window.on('page-title-updated', (event) => event.preventDefault());
  return window;
}
