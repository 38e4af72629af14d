/**
 * Which IndexedDB database the app opens. A restore never writes over the database in
 * use: it fills a fresh one, and this pointer (kept in localStorage, outside IndexedDB)
 * switches to it; the replaced database is kept aside until the clerk confirms the
 * restore, or switched back to if they undo it.
 */
import { DB_NAME } from '../database';

export const ACTIVE_KEY = 'stationDesk.activeDatabase';
const ASIDE_KEY = 'stationDesk.replacedDatabase';

function storage(): Storage | null {
  return typeof localStorage === 'undefined' ? null : localStorage;
}

export function activeDatabaseName(): string {
  return storage()?.getItem(ACTIVE_KEY) || DB_NAME;
}

/** The database a restore replaced, while the restore is not yet confirmed. */
export function replacedDatabaseName(): string | null {
  return storage()?.getItem(ASIDE_KEY) || null;
}

export function switchActiveDatabase(restored: string): void {
  const s = storage();
  if (!s) throw new Error('No localStorage to switch databases');
  if (!replacedDatabaseName()) s.setItem(ASIDE_KEY, activeDatabaseName());
  s.setItem(ACTIVE_KEY, restored);
}

export function clearReplacedDatabase(): void {
  storage()?.removeItem(ASIDE_KEY);
}

export function switchBackToReplaced(): string | null {
  const s = storage();
  const aside = replacedDatabaseName();
  if (!s || !aside) return null;
  const current = activeDatabaseName();
  s.setItem(ACTIVE_KEY, aside);
  s.removeItem(ASIDE_KEY);
  return current;
}
