/**
 * The worker that writes a 台账's .xlsx, so a year of issues never freezes the window:
 * it hears the sheets, reports progress, and answers the file's bytes (transferred).
 * Cancelling terminates it.
 */
import type { LedgerSpec } from './ledgerSpec';
import { workbookBytes } from './workbook';

export type LedgerWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'writing' } | { type: 'done'; bytes: ArrayBuffer } | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<LedgerSpec>) => void) | null; postMessage(m: LedgerWorkerMessage, transfer?: Transferable[]): void };

scope.onmessage = (event) => {
  const spec = event.data;
  workbookBytes(spec, (done, total) => {
    scope.postMessage({ type: 'progress', done, total });
    if (done === total) scope.postMessage({ type: 'writing' });
  })
    .then((bytes) => scope.postMessage({ type: 'done', bytes }, [bytes]))
    .catch((error: unknown) => scope.postMessage({ type: 'error', message: String(error) }));
};
