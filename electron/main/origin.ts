/**
 * The app's own origin. The renderer is always served from app://station-desk/, so its
 * IndexedDB (the station's records) keeps the same origin across updates and install
 * folders. Changing these two names would orphan every station's data.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'station-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app: the custom scheme, or in development the
 * electron-vite dev server given as `devServerUrl`.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
