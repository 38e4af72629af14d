/**
 * Printing and saving as PDF, always of the page that asked (the sender's webContents):
 * the renderer shows a print-preview route whose @media print CSS hides the app chrome,
 * and these functions print exactly that. Outcomes follow the contract's PrintResult;
 * messages are Chinese because the screen shows them as they are.
 */
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { PrintResult } from '../../../shared/bridge/contract';
import type { SaveDialogPort, SenderContents } from '../ports';
import type { Logger } from './logging';

export interface ParsedPrintOptions {
  landscape: boolean;
  suggestedName: string;
}

export interface Printing {
  print(sender: SenderContents, options: ParsedPrintOptions): Promise<PrintResult>;
  savePdf(sender: SenderContents, options: ParsedPrintOptions): Promise<PrintResult>;
}

export interface PrintingDeps {
  dialog: SaveDialogPort;
  /** Folder the save dialog starts in (the user's Documents). */
  defaultDir: () => string;
  logger: Logger;
}

export function createPrinting({ dialog, defaultDir, logger }: PrintingDeps): Printing {
  return {
    print(sender, { landscape }) {
      return new Promise<PrintResult>((resolve) => {
        sender.print({ silent: false, printBackground: true, landscape }, (success, failureReason) => {
          if (success) resolve({ outcome: 'printed', message: '' });
          else if (/cancel/i.test(failureReason)) resolve({ outcome: 'cancelled', message: '' });
          else {
            logger.warn('print failed', { failureReason });
            resolve({ outcome: 'failed', message: '打印没有成功，请检查打印机是否开机、是否缺纸。' });
          }
        });
      });
    },

    async savePdf(sender, { landscape, suggestedName }) {
      const name = extname(suggestedName).toLowerCase() === '.pdf' ? suggestedName : `${suggestedName}.pdf`;
      const chosen = await dialog.askSavePath(sender, { defaultPath: join(defaultDir(), name), title: '保存为 PDF' });
      if (!chosen) return { outcome: 'cancelled', message: '' };
      const path = extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
      try {
        const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true, landscape, preferCSSPageSize: true });
        await writeFile(path, pdf);
        logger.info('pdf saved', { bytes: pdf.byteLength });
        return { outcome: 'saved', message: `已保存到 ${path}` };
      } catch (error) {
        logger.error('pdf save failed', { error });
        return { outcome: 'failed', message: '保存 PDF 没有成功，请换一个文件夹再试，或检查磁盘空间。' };
      }
    },
  };
}
