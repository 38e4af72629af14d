/**
 * Backup files in main: written to a temporary sibling and renamed only when finished, so
 * an aborted or failed backup leaves nothing under a backup's name; automatic backups are
 * pruned by generation after each write; files are read back in pieces; the IPC schemas
 * refuse paths in file names and oversized chunks.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autoBackupName, backupBeginSchema, backupOpenSchema, backupReadSchema, BACKUP_CHUNK_MAX_BYTES } from '../../../shared/bridge/backup';
import { backupDirOf, createBackupFiles } from '../../../electron/main/services/backupFiles';
import type { SenderContents } from '../../../electron/main/ports';
import { recordingLogger, tempDir } from './support';

const sender = {} as SenderContents;
const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setup(answers: { save?: string | null; open?: string | null } = {}) {
  const dir = tempDir();
  const docs = tempDir();
  dirs.push(dir, docs);
  const offers: string[] = [];
  const files = createBackupFiles({
    userDataDir: dir.path,
    defaultDir: () => docs.path,
    dialog: {
      askBackupSavePath: async (_s, { defaultPath }) => {
        offers.push(defaultPath);
        return answers.save ?? null;
      },
      askBackupOpenPath: async () => answers.open ?? null,
    },
    logger: recordingLogger(),
  });
  return { files, dir: dir.path, docs: docs.path, offers };
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('backup files in main', () => {
  it('writes an automatic backup only when finished, under its name in the data folder', async () => {
    const { files, dir } = setup();
    const name = autoBackupName(new Date(2026, 11, 5, 9), 'daily');
    const begun = await files.begin(sender, { target: 'auto', fileName: name });
    if (begun.outcome !== 'ready') throw new Error('not ready');
    files.append(begun.sessionId, bytes(1000, 1));
    files.append(begun.sessionId, bytes(24, 2));
    const folder = backupDirOf(dir);
    expect(existsSync(join(folder, name))).toBe(false);
    const done = files.finish(begun.sessionId);
    expect(done).toMatchObject({ fileName: name, folder, bytes: 1024, pruned: 0 });
    const written = readFileSync(join(folder, name));
    expect(written.length).toBe(1024);
    expect(written[999]).toBe(1);
    expect(written[1000]).toBe(2);
    expect(readdirSync(folder)).toEqual([name]);
    expect(files.list().map((f) => f.fileName)).toEqual([name]);
  });

  it('leaves nothing behind when a backup is aborted', async () => {
    const { files, dir } = setup();
    const begun = await files.begin(sender, { target: 'auto', fileName: autoBackupName(new Date(2026, 11, 5, 9), 'daily') });
    if (begun.outcome !== 'ready') throw new Error('not ready');
    files.append(begun.sessionId, bytes(10, 1));
    files.abort(begun.sessionId);
    expect(readdirSync(backupDirOf(dir))).toEqual([]);
    expect(() => files.append(begun.sessionId, bytes(1, 1))).toThrow();
  });

  it('writes to the place the user picks, and does nothing when the dialog is cancelled', async () => {
    const target = join(tempDir().path, 'U盘');
    mkdirSync(target);
    const { files, offers, docs } = setup({ save: join(target, '联络站备份') });
    const begun = await files.begin(sender, { target: 'choose', fileName: '联络站备份-2026-12-05-0900.sdbackup' });
    expect(offers).toEqual([join(docs, '联络站备份-2026-12-05-0900.sdbackup')]);
    if (begun.outcome !== 'ready') throw new Error('not ready');
    files.append(begun.sessionId, bytes(5, 7));
    expect(files.finish(begun.sessionId).fileName).toBe('联络站备份.sdbackup');
    expect(readFileSync(join(target, '联络站备份.sdbackup'))).toEqual(Buffer.from(bytes(5, 7)));

    const cancelled = setup({ save: null });
    expect(await cancelled.files.begin(sender, { target: 'choose', fileName: 'x.sdbackup' })).toEqual({ outcome: 'cancelled' });
  });

  it('refuses an automatic backup under any other name', async () => {
    const { files } = setup();
    await expect(files.begin(sender, { target: 'auto', fileName: '../../evil.sdbackup' })).rejects.toThrow();
  });

  it('prunes old automatic backups after a new one is written, never other files', async () => {
    const { files, dir } = setup();
    const folder = backupDirOf(dir);
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(folder, autoBackupName(new Date(2026, 10, 1 + i, 9), 'daily')), 'old');
    writeFileSync(join(folder, 'readme.txt'), 'keep');
    const begun = await files.begin(sender, { target: 'auto', fileName: autoBackupName(new Date(2026, 10, 21, 9), 'daily') });
    if (begun.outcome !== 'ready') throw new Error('not ready');
    files.append(begun.sessionId, bytes(3, 3));
    const done = files.finish(begun.sessionId);
    expect(done.pruned).toBeGreaterThan(0);
    const left = readdirSync(folder);
    expect(left).toContain('readme.txt');
    expect(left).toContain(autoBackupName(new Date(2026, 10, 21, 9), 'daily'));
    expect(left.length).toBe(21 - done.pruned + 1);
  });

  it('reads a picked file in pieces and past its end returns nothing', async () => {
    const file = join(tempDir().path, 'b.sdbackup');
    writeFileSync(file, Buffer.from([1, 2, 3, 4, 5, 6, 7]));
    const { files } = setup({ open: file });
    const opened = await files.open(sender, { source: 'choose' });
    if (opened.outcome !== 'opened') throw new Error('not opened');
    expect(opened.size).toBe(7);
    expect([...files.read(opened.sessionId, 2, 3)]).toEqual([3, 4, 5]);
    expect([...files.read(opened.sessionId, 5, 10)]).toEqual([6, 7]);
    expect(files.read(opened.sessionId, 9, 10).length).toBe(0);
    files.close(opened.sessionId);
    expect(() => files.read(opened.sessionId, 0, 1)).toThrow();
  });

  it('IPC schemas refuse folders in names, unknown sources and oversized reads', () => {
    expect(backupBeginSchema.safeParse({ target: 'auto', fileName: '../x.sdbackup' }).success).toBe(false);
    expect(backupBeginSchema.safeParse({ target: 'choose', fileName: 'a\u0001b.sdbackup' }).success).toBe(false);
    expect(backupBeginSchema.safeParse({ target: 'choose', fileName: 'x.exe' }).success).toBe(false);
    expect(backupOpenSchema.safeParse({ source: 'stored', fileName: 'C:\\Windows\\x.sdbackup' }).success).toBe(false);
    expect(backupOpenSchema.safeParse({ source: 'path', path: '/etc/passwd' }).success).toBe(false);
    expect(backupReadSchema.safeParse({ sessionId: 'abcdefgh-1234', offset: 0, length: BACKUP_CHUNK_MAX_BYTES + 1 }).success).toBe(false);
  });
});
