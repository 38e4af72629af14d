import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPrinting } from '../../../electron/main/services/printing';
import type { PrintToPdfOptions, SaveDialogPort, SenderContents } from '../../../electron/main/ports';
import { recordingLogger, tempDir } from './support';

const PDF = new TextEncoder().encode('%PDF-1.4 test');
const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function sender(printResult: [boolean, string] = [true, '']) {
  const printToPDF = vi.fn(async (_o: PrintToPdfOptions) => PDF);
  const print = vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(...printResult));
  return { contents: { print, printToPDF } as unknown as SenderContents, print, printToPDF };
}

function printing(answer: (defaultPath: string) => string | null) {
  const dir = tempDir();
  dirs.push(dir);
  const askSavePath = vi.fn<SaveDialogPort['askSavePath']>(async (_s, { defaultPath }) => answer(defaultPath));
  return { dir: dir.path, askSavePath, printing: createPrinting({ dialog: { askSavePath }, defaultDir: () => dir.path, logger: recordingLogger() }) };
}

describe('printing', () => {
  it('savePdf: a cancelled dialog writes nothing', async () => {
    const { printing: p } = printing(() => null);
    const s = sender();
    expect(await p.savePdf(s.contents, { landscape: false, suggestedName: '问题清单.pdf' })).toEqual({ outcome: 'cancelled', message: '' });
    expect(s.printToPDF).not.toHaveBeenCalled();
  });

  it('savePdf: prints the sender to A4 and writes the file the user picked', async () => {
    const { printing: p, askSavePath, dir } = printing((d) => d);
    const s = sender();
    const result = await p.savePdf(s.contents, { landscape: true, suggestedName: '问题清单〔2026〕第7号' });
    const expected = join(dir, '问题清单〔2026〕第7号.pdf');
    expect(askSavePath).toHaveBeenCalledWith(s.contents, { defaultPath: expected, title: '保存为 PDF' });
    expect(s.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, landscape: true, preferCSSPageSize: true });
    expect(result).toEqual({ outcome: 'saved', message: `已保存到 ${expected}` });
    expect(readFileSync(expected)).toEqual(Buffer.from(PDF));
  });

  it('savePdf: adds .pdf when the user typed a name without it', async () => {
    const { printing: p, dir } = printing(() => join(dir, 'mine'));
    await p.savePdf(sender().contents, { landscape: false, suggestedName: 'x.pdf' });
    expect(existsSync(join(dir, 'mine.pdf'))).toBe(true);
  });

  it('savePdf: an unwritable folder is a failure with a Chinese message', async () => {
    const { printing: p } = printing(() => '/nonexistent-folder/x.pdf');
    const result = await p.savePdf(sender().contents, { landscape: false, suggestedName: 'x.pdf' });
    expect(result.outcome).toBe('failed');
    expect(result.message).toMatch(/保存 PDF 没有成功/);
  });

  it('print: uses the system dialog on the sender with background graphics', async () => {
    const { printing: p } = printing(() => null);
    const s = sender();
    expect(await p.print(s.contents, { landscape: false, suggestedName: 'x.pdf' })).toEqual({ outcome: 'printed', message: '' });
    expect(s.print).toHaveBeenCalledWith({ silent: false, printBackground: true, landscape: false }, expect.any(Function));
  });

  it('print: distinguishes cancelled from failed', async () => {
    const { printing: p } = printing(() => null);
    expect((await p.print(sender([false, 'Print job canceled']).contents, { landscape: false, suggestedName: 'x.pdf' })).outcome).toBe('cancelled');
    const failed = await p.print(sender([false, 'Print job failed']).contents, { landscape: false, suggestedName: 'x.pdf' });
    expect(failed.outcome).toBe('failed');
    expect(failed.message).toMatch(/打印机/);
  });
});
