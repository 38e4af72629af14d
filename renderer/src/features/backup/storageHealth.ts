/**
 * How much room the station's data has: the browser's quota and usage for this origin,
 * whether the data is persisted (not evicted under pressure), and on the desktop the free
 * space of the disk main writes to. "Low" leaves room for a few days of receptions.
 */
import { bridge } from '../../bridge';

export interface StorageHealth {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  disk: { free: number; total: number } | null;
  low: boolean;
}

/** Below this much room left, the app warns. */
export const LOW_SPACE_BYTES = 500 * 1024 * 1024;

export async function requestPersistence(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return null;
  }
}

export async function readStorageHealth(): Promise<StorageHealth> {
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null;
  const persisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null;
  const disk = await bridge.backup.diskSpace().catch(() => null);
  const usage = estimate?.usage ?? null;
  const quota = estimate?.quota ?? null;
  const room = Math.min(quota !== null && usage !== null ? quota - usage : Infinity, disk ? disk.free : Infinity);
  return { usage, quota, persisted, disk, low: room < LOW_SPACE_BYTES };
}
