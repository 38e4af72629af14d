/**
 * How much room the station's data has: the browser's quota and usage for this origin,
 * whether the data is persisted (not evicted under pressure), and on the desktop the free
 * space of the disk main writes to. "Low" leaves room for a few days of receptions.
 */
import { bridge } from '../../bridge';
import { isLow } from './storageLow';

export interface StorageHealth {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
  disk: { free: number; total: number } | null;
  low: boolean;
}


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
  return { usage, quota, persisted, disk, low: isLow(usage, quota, disk) };
}

