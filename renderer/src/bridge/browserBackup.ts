/**
 * backup:* in the browser flavour: "备份到…" downloads the file (the browser asks where or
 * uses its download folder); there is no data folder, so automatic backups are desktop
 * only, and a restore reads the file through a file input (features/backup) instead of
 * backup:open.
 */
import type { BridgeApi } from '../../../shared/bridge/contract';
import { backupSchemas } from './bridgeSchemas';
import { release } from '../backup/release';

interface Download {
  fileName: string;
  parts: Blob[];
  bytes: number;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function createBrowserBackup(): BridgeApi['backup'] {
  const downloads = new Map<string, Download>();
  const session = (sessionId: string): Download => {
    const d = downloads.get(sessionId);
    if (!d) throw new Error(`No backup session ${sessionId}`);
    return d;
  };
  return {
    begin: async (request) => {
      const { target, fileName } = (await backupSchemas()).backupBeginSchema.parse(request);
      if (target === 'auto') return { outcome: 'cancelled' };
      const sessionId = crypto.randomUUID();
      downloads.set(sessionId, { fileName, parts: [], bytes: 0 });
      return { outcome: 'ready', sessionId };
    },
    append: async (request) => {
      const { sessionId, chunk } = (await backupSchemas()).backupAppendSchema.parse(request);
      const d = session(sessionId);
      const bytes = decode(chunk);
      d.parts.push(new Blob([bytes]));
      d.bytes += bytes.length;
      // The Blob holds a copy: free the decoded frame now rather than at a collection.
      release(bytes);
      return { ok: true };
    },
    finish: async (request) => {
      const { sessionId } = (await backupSchemas()).backupSessionSchema.parse(request);
      const d = session(sessionId);
      downloads.delete(sessionId);
      const url = URL.createObjectURL(new Blob(d.parts, { type: 'application/octet-stream' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = d.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { fileName: d.fileName, folder: '浏览器的下载文件夹', bytes: d.bytes, pruned: 0 };
    },
    abort: async (request) => {
      downloads.delete((await backupSchemas()).backupSessionSchema.parse(request).sessionId);
      return { ok: true };
    },
    open: async () => ({ outcome: 'cancelled' }),
    read: async () => {
      throw new Error('The browser flavour reads backups through a file input');
    },
    close: async () => ({ ok: true }),
    list: async () => ({ folder: '', files: [] }),
    diskSpace: async () => null,
  };
}
