/** backup:* — bytes in and out as base64; the files and dialogs are backupFiles.ts's. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

const OK = { ok: true } as const;

export function backupHandlers({ backups }: Pick<MainServices, 'backups'>): BridgeHandlers<HandlerContext>['backup'] {
  return {
    begin: (request, ctx) => backups.begin(ctx.sender, request),
    append: ({ sessionId, chunk }) => {
      backups.append(sessionId, Buffer.from(chunk, 'base64'));
      return OK;
    },
    finish: ({ sessionId }) => backups.finish(sessionId),
    abort: ({ sessionId }) => {
      backups.abort(sessionId);
      return OK;
    },
    open: (request, ctx) => backups.open(ctx.sender, request),
    read: ({ sessionId, offset, length }) => ({ chunk: Buffer.from(backups.read(sessionId, offset, length)).toString('base64') }),
    close: ({ sessionId }) => {
      backups.close(sessionId);
      return OK;
    },
    list: () => ({ folder: backups.folder, files: backups.list() }),
    diskSpace: () => backups.diskSpace(),
  };
}
