import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveFileSchema } from '../../../shared/bridge/files';
import { fileHandlers } from '../../../electron/main/ipc/fileHandlers';
import { registerBridgeHandlers, type InvokeEventLike } from '../../../electron/main/ipc';
import { createBridgeHandlers } from '../../../electron/main/ipc';
import type { FileDialogPort, SenderContents } from '../../../electron/main/ports';
import { createFileSaving } from '../../../electron/main/services/fileSaving';
import { recordingLogger, tempDir } from './support';

const sender = {} as SenderContents;
const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function saving(answer: (defaultPath: string) => string | null) {
  const dir = tempDir();
  dirs.push(dir);
  const askFileSavePath = vi.fn<FileDialogPort['askFileSavePath']>(async (_s, { defaultPath }) => answer(defaultPath));
  return { dir: dir.path, askFileSavePath, files: createFileSaving({ dialog: { askFileSavePath }, defaultDir: () => dir.path, logger: recordingLogger() }) };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('files:save in main', () => {
  it('offers the name with its extension in Documents, filtered to the kind, and writes the bytes where the user chose', async () => {
    const { dir, askFileSavePath, files } = saving((p) => p.replace('问题台账', '季度问题台账'));
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]);
    const result = await files.save(sender, { kind: 'xlsx', suggestedName: '问题台账-2026年第4季度', base64: b64(bytes) });
    expect(askFileSavePath).toHaveBeenCalledWith(sender, {
      defaultPath: join(dir, '问题台账-2026年第4季度.xlsx'),
      title: '保存台账',
      filter: { name: 'Excel 工作簿', extensions: ['xlsx'] },
    });
    expect(result).toEqual({ outcome: 'saved', fileName: '季度问题台账-2026年第4季度.xlsx', message: `已保存到 ${join(dir, '季度问题台账-2026年第4季度.xlsx')}` });
    expect(new Uint8Array(readFileSync(join(dir, '季度问题台账-2026年第4季度.xlsx')))).toEqual(bytes);
    expect(readdirSync(dir)).toEqual(['季度问题台账-2026年第4季度.xlsx']);
  });

  it('adds the extension when the user typed a name without it, and a cancelled dialog writes nothing', async () => {
    const { dir, files } = saving((p) => p.replace(/\.png$/, ''));
    expect((await files.save(sender, { kind: 'png', suggestedName: '按月统计', base64: b64(new Uint8Array([1, 2, 3])) })).fileName).toBe('按月统计.png');
    const cancelled = saving(() => null);
    expect(await cancelled.files.save(sender, { kind: 'png', suggestedName: 'x', base64: 'AAAA' })).toEqual({ outcome: 'cancelled', fileName: '', message: '' });
    expect(readdirSync(cancelled.dir)).toEqual([]);
    expect(existsSync(join(dir, '按月统计.png'))).toBe(true);
  });

  it('reports a folder it cannot write to in Chinese', async () => {
    const { files } = saving(() => '/nonexistent-root-folder/\0/x.xlsx');
    const result = await files.save(sender, { kind: 'xlsx', suggestedName: 'x', base64: 'AAAA' });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/保存没有成功/);
  });
});

describe('files:save over the validated bridge', () => {
  function bridge() {
    const { dir, askFileSavePath, files } = saving((p) => p);
    const listeners = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
    const handlers = { ...createBridgeHandlers({} as never), files: fileHandlers({ files }) };
    registerBridgeHandlers({ handle: (c, l) => void listeners.set(c, l) }, handlers, { isTrustedSender: (u) => u.startsWith('app://'), logger: recordingLogger() });
    const invoke = (arg: unknown) => listeners.get('files:save')!({ senderFrame: { url: 'app://station-desk/index.html' }, sender }, arg);
    return { dir, askFileSavePath, invoke };
  }

  it('refuses any request the schema refuses before a dialog opens, and saves only inside the folder chosen', async () => {
    const { dir, askFileSavePath, invoke } = bridge();
    await fc.assert(
      fc.asyncProperty(
        fc.record({ kind: fc.oneof(fc.constantFrom('xlsx', 'png'), fc.string()), suggestedName: fc.string({ maxLength: 130 }), base64: fc.oneof(fc.base64String({ minLength: 4, maxLength: 40 }), fc.string()) }, { requiredKeys: [] }),
        async (request) => {
          askFileSavePath.mockClear();
          const valid = saveFileSchema.safeParse(request).success;
          const outcome = await invoke(request).then(
            (r) => r as { outcome: string; fileName: string },
            () => null,
          );
          if (!valid) {
            expect(outcome).toBeNull();
            expect(askFileSavePath).not.toHaveBeenCalled();
          } else {
            expect(outcome?.outcome).toBe('saved');
            expect(readdirSync(dir)).toContain(outcome!.fileName);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
