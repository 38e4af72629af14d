/**
 * Saving a file the renderer made (an Excel 台账, a chart as PNG): main shows the save
 * dialog and writes only to the path the user chose, via a temporary file and a rename.
 * The request was already parsed by the bridge's schema (kind, name, base64 size).
 */
import { basename, join } from 'node:path';
import { SAVE_FILE_KINDS, withExtension, type SaveFileRequest, type SaveFileResult } from '../../../shared/bridge/files';
import type { FileDialogPort, SenderContents } from '../ports';
import { writeFileAtomic } from './atomicFile';
import type { Logger } from './logging';

export interface FileSaving {
  save(sender: SenderContents, request: SaveFileRequest): Promise<SaveFileResult>;
}

export interface FileSavingDeps {
  dialog: FileDialogPort;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultDir: () => string;
  logger: Logger;
}

export function createFileSaving({ dialog, defaultDir, logger }: FileSavingDeps): FileSaving {
  return {
    async save(sender, { kind, suggestedName, base64 }) {
      const spec = SAVE_FILE_KINDS[kind];
      const chosen = await dialog.askFileSavePath(sender, {
        defaultPath: join(defaultDir(), withExtension(suggestedName, kind)),
        title: spec.title,
        filter: { name: spec.filterName, extensions: [spec.extension] },
      });
      if (!chosen) return { outcome: 'cancelled', fileName: '', message: '' };
      const path = withExtension(chosen, kind);
      try {
        const bytes = Buffer.from(base64, 'base64');
        writeFileAtomic(path, bytes, 0o644);
        logger.info('file saved', { kind, bytes: bytes.byteLength });
        return { outcome: 'saved', fileName: basename(path), message: `已保存到 ${path}` };
      } catch (error) {
        logger.error('file save failed', { kind, error });
        return { outcome: 'failed', fileName: '', message: '保存没有成功，请换一个文件夹再试，或检查磁盘空间。' };
      }
    },
  };
}
