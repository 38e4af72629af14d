/**
 * Backup files on disk. The renderer streams an already encrypted file here frame by
 * frame; main writes it to a temporary sibling, fsyncs it, renames it into place and
 * fsyncs the folder, so a power cut leaves either the old set of files or the new file
 * whole, never half a backup under the real name. Automatic backups live in
 * <userData>/backups and are pruned by backupGenerations.ts; "备份到…" writes where the
 * user picks (a USB stick). Restores read files in pieces, never whole into memory.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { StoredBackup } from '../../../shared/bridge/backup';
import type { BackupDialogPort, SenderContents } from '../ports';
import { backupsToPrune, isAutoBackupName } from './backupGenerations';
import type { Logger } from './logging';

export const BACKUP_MAGIC = Buffer.from('SDBACKUP');
const MAX_OPEN_SESSIONS = 4;

interface WriteSession {
  kind: 'write';
  fd: number;
  tmp: string;
  path: string;
  auto: boolean;
  bytes: number;
}
interface ReadSession {
  kind: 'read';
  fd: number;
  size: number;
}

export type BeginResult = { outcome: 'ready'; sessionId: string } | { outcome: 'cancelled' };
export type OpenResult = { outcome: 'opened'; sessionId: string; fileName: string; size: number } | { outcome: 'cancelled' };

export interface BackupFiles {
  folder: string;
  begin(sender: SenderContents, request: { target: 'auto' | 'choose'; fileName: string }): Promise<BeginResult>;
  append(sessionId: string, chunk: Uint8Array): void;
  finish(sessionId: string): { fileName: string; folder: string; bytes: number; pruned: number };
  abort(sessionId: string): void;
  open(sender: SenderContents, request: { source: 'choose' } | { source: 'stored'; fileName: string }): Promise<OpenResult>;
  read(sessionId: string, offset: number, length: number): Uint8Array;
  close(sessionId: string): void;
  list(): StoredBackup[];
  diskSpace(): { free: number; total: number } | null;
}

export interface BackupFilesDeps {
  userDataDir: string;
  /** Folder the save and open dialogs start in (the user's Documents). */
  defaultDir: () => string;
  dialog: BackupDialogPort;
  logger: Logger;
}

export const backupDirOf = (userDataDir: string): string => join(userDataDir, 'backups');

/** fsync a folder so a rename in it survives a power cut; not possible on Windows, where rename is already durable enough. */
function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // EISDIR/EPERM on Windows: the folder cannot be opened for fsync.
  }
}

export function createBackupFiles({ userDataDir, defaultDir, dialog, logger }: BackupFilesDeps): BackupFiles {
  const folder = backupDirOf(userDataDir);
  const sessions = new Map<string, WriteSession | ReadSession>();

  const take = <K extends 'write' | 'read'>(id: string, kind: K): Extract<WriteSession | ReadSession, { kind: K }> => {
    const s = sessions.get(id);
    if (!s || s.kind !== kind) throw new Error(`No ${kind} session ${id}`);
    return s as Extract<WriteSession | ReadSession, { kind: K }>;
  };
  const room = () => {
    if (sessions.size >= MAX_OPEN_SESSIONS) throw new Error('Too many backup files open');
  };

  const discard = (s: WriteSession) => {
    try {
      closeSync(s.fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(s.tmp);
    } catch {
      // never created or already gone
    }
  };

  return {
    folder,
    async begin(sender, { target, fileName }) {
      room();
      let path: string;
      if (target === 'auto') {
        if (!isAutoBackupName(fileName)) throw new Error('Automatic backups use the generation naming');
        mkdirSync(folder, { recursive: true });
        path = join(folder, fileName);
      } else {
        const chosen = await dialog.askBackupSavePath(sender, { defaultPath: join(defaultDir(), fileName), title: '备份到…' });
        if (!chosen) return { outcome: 'cancelled' };
        path = chosen.endsWith('.sdbackup') ? chosen : `${chosen}.sdbackup`;
      }
      const sessionId = randomUUID();
      const tmp = `${path}.${process.pid}.${sessionId.slice(0, 8)}.tmp`;
      const fd = openSync(tmp, 'wx', 0o600);
      sessions.set(sessionId, { kind: 'write', fd, tmp, path, auto: target === 'auto', bytes: 0 });
      return { outcome: 'ready', sessionId };
    },
    append(sessionId, chunk) {
      const s = take(sessionId, 'write');
      try {
        let written = 0;
        while (written < chunk.length) written += writeSync(s.fd, chunk, written, chunk.length - written);
        s.bytes += chunk.length;
      } catch (error) {
        sessions.delete(sessionId);
        discard(s);
        logger.warn('backup write failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
        throw error;
      }
    },
    finish(sessionId) {
      const s = take(sessionId, 'write');
      sessions.delete(sessionId);
      try {
        fsyncSync(s.fd);
        closeSync(s.fd);
        renameSync(s.tmp, s.path);
        syncFolder(dirname(s.path));
      } catch (error) {
        discard(s);
        logger.warn('backup finish failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
        throw error;
      }
      let pruned = 0;
      if (s.auto) {
        for (const name of backupsToPrune(readdirSync(folder))) {
          try {
            unlinkSync(join(folder, name));
            pruned++;
          } catch (error) {
            logger.warn('backup prune failed', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
          }
        }
      }
      logger.info('backup written', { auto: s.auto, bytes: s.bytes, pruned });
      return { fileName: basename(s.path), folder: dirname(s.path), bytes: s.bytes, pruned };
    },
    abort(sessionId) {
      const s = sessions.get(sessionId);
      if (!s) return;
      sessions.delete(sessionId);
      if (s.kind === 'write') discard(s);
      else closeSync(s.fd);
    },
    async open(sender, request) {
      room();
      let path: string;
      if (request.source === 'stored') {
        path = join(folder, basename(request.fileName));
      } else {
        const chosen = await dialog.askBackupOpenPath(sender, { defaultPath: defaultDir(), title: '选择备份文件' });
        if (!chosen) return { outcome: 'cancelled' };
        path = chosen;
      }
      const fd = openSync(path, 'r');
      const size = statSync(path).size;
      const sessionId = randomUUID();
      sessions.set(sessionId, { kind: 'read', fd, size });
      return { outcome: 'opened', sessionId, fileName: basename(path), size };
    },
    read(sessionId, offset, length) {
      const s = take(sessionId, 'read');
      const want = Math.max(0, Math.min(length, s.size - offset));
      const out = Buffer.alloc(want);
      let got = 0;
      while (got < want) {
        const n = readSync(s.fd, out, got, want - got, offset + got);
        if (n === 0) break;
        got += n;
      }
      return out.subarray(0, got);
    },
    close(sessionId) {
      const s = sessions.get(sessionId);
      if (!s) return;
      sessions.delete(sessionId);
      closeSync(s.fd);
    },
    list() {
      let names: string[];
      try {
        names = readdirSync(folder);
      } catch {
        return [];
      }
      return names
        .filter(isAutoBackupName)
        .map((fileName) => {
          const st = statSync(join(folder, fileName));
          return { fileName, bytes: st.size, modifiedAt: st.mtime.toISOString() };
        })
        .sort((a, b) => (a.fileName < b.fileName ? 1 : -1));
    },
    diskSpace() {
      try {
        mkdirSync(folder, { recursive: true });
        const st = statfsSync(folder);
        return { free: st.bavail * st.bsize, total: st.blocks * st.bsize };
      } catch {
        return null;
      }
    },
  };
}
