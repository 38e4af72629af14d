/**
 * A write refused because the disk or the browser's quota is full. IndexedDB reports it as
 * a DOMException named QuotaExceededError; Dexie passes it on under the same name, or
 * keeps it as `inner` when it wraps it (an aborted transaction).
 */
export const STORAGE_FULL_MESSAGE =
  '存储空间已满，这次没有保存。您填写的内容还在表单里，之前保存的记录都没有受影响。请清理磁盘空间（或在“设置 → 备份与恢复”查看空间）后再保存。';

export function isStorageFull(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}
