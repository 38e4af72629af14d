/** Locks the app now (the 锁定 button or the idle timer), recording it for the account signed in. */
import { getDb, staffRepo } from '../../db/startup';
import { useSessionStore } from '../../state/session';

export async function lockNow(reason: 'button' | 'idle'): Promise<void> {
  if (!useSessionStore.getState().actor) return;
  try {
    await staffRepo.recordLock(getDb(), reason);
  } catch (e) {
    console.error('Recording the lock failed', e);
  } finally {
    useSessionStore.getState().lock();
  }
}
