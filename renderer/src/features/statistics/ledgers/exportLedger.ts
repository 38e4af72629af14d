/**
 * One click, one 台账: read the period (already read for the screen), make the sheets,
 * write the .xlsx in a worker with progress and a way to cancel, save it through the
 * bridge (save dialog in the desktop app, a download in the browser flavour) and record
 * the export in the audit log. Falls back to writing on this thread when a worker cannot
 * start (then progress still shows, between chunks).
 */
import { bridge, isDesktop } from '../../../bridge';
import { auditRepo, getDb } from '../../../db';
import { LEDGER_BUILDERS, type LedgerContext } from './ledgerRows';
import type { LedgerKind, LedgerSpec } from './ledgerSpec';
import type { LedgerWorkerMessage } from './ledgerWorker';
import { T } from '../strings';

export type ExportEvent = { type: 'progress'; done: number; total: number } | { type: 'writing' };
export type ExportOutcome = { outcome: 'saved'; fileName: string; message: string } | { outcome: 'cancelled' } | { outcome: 'failed'; message: string };

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'ExportCancelled';
  }
}

let idle: Worker | null = null;

function spawn(): Worker {
  return new Worker(new URL('./ledgerWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the worker ahead of the first export (the 统计 screen calls it when it opens), so
 * its code is loaded before it is needed: in the browser flavour that is while the network
 * is still there. One worker serves one export at a time and is kept for the next.
 */
export function warmLedgerWorker(): void {
  if (idle) return;
  try {
    const worker = spawn();
    // A worker whose script cannot load (the browser flavour offline, before it was ever
    // fetched) reports it before any export: it is dropped, so no export waits on it.
    worker.onerror = (e) => {
      e.preventDefault();
      console.warn('Ledger worker could not start', e.message);
      if (idle === worker) idle = null;
      worker.terminate();
    };
    idle = worker;
  } catch (error) {
    console.warn('Ledger worker could not start', error);
  }
}

function inWorker(spec: LedgerSpec, onEvent: (e: ExportEvent) => void, signal: AbortSignal): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = idle ?? spawn();
      idle = null;
    } catch (error) {
      reject(new WorkerUnavailable(String(error)));
      return;
    }
    const finish = (keep: boolean) => {
      signal.removeEventListener('abort', stop);
      worker.onmessage = null;
      worker.onerror = null;
      if (keep && idle === null) idle = worker;
      else worker.terminate();
    };
    const stop = () => {
      finish(false);
      reject(new ExportCancelled());
    };
    signal.addEventListener('abort', stop, { once: true });
    worker.onmessage = (e: MessageEvent<LedgerWorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress' || m.type === 'writing') onEvent(m);
      else if (m.type === 'done') {
        finish(true);
        resolve(m.bytes);
      } else {
        finish(false);
        reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(false);
      reject(new WorkerUnavailable(e.message));
    };
    worker.postMessage(spec);
  });
}

class WorkerUnavailable extends Error {}

/** The writer's code could not be fetched either (the browser flavour with its server out of reach). */
class WriterUnavailable extends Error {}

async function onThisThread(spec: LedgerSpec, onEvent: (e: ExportEvent) => void, signal: AbortSignal): Promise<ArrayBuffer> {
  const { workbookBytes } = await import('./workbook').catch((error: unknown) => {
    throw new WriterUnavailable(`The ledger writer could not be loaded: ${String(error)}`);
  });
  return workbookBytes(spec, (done, total) => {
    if (signal.aborted) throw new ExportCancelled();
    onEvent({ type: 'progress', done, total });
    if (done === total) onEvent({ type: 'writing' });
  });
}

/** base64 of the bytes, in slices (a spread of millions of bytes would overflow the stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function exportLedger(kind: LedgerKind, ctx: LedgerContext, onEvent: (e: ExportEvent) => void, signal: AbortSignal): Promise<ExportOutcome> {
  const spec = LEDGER_BUILDERS[kind](ctx);
  let bytes: ArrayBuffer;
  try {
    bytes = await inWorker(spec, onEvent, signal).catch((error: unknown) => {
      if (error instanceof WorkerUnavailable) {
        console.warn('Ledger worker unavailable, writing on the main thread', error.message);
        return onThisThread(spec, onEvent, signal);
      }
      throw error;
    });
  } catch (error) {
    if (error instanceof ExportCancelled) return { outcome: 'cancelled' };
    console.error('Writing a ledger failed', error);
    return { outcome: 'failed', message: error instanceof WriterUnavailable ? T.writerUnavailable : String(error) };
  }
  if (signal.aborted) return { outcome: 'cancelled' };
  // Chromium on Linux drops a non-ASCII download name under some locales (the file arrives
  // as "download"), so the browser flavour's name is ASCII; the desktop dialog shows Chinese.
  const suggestedName = isDesktop ? spec.fileName : `station-ledger-${kind}-${ctx.records.period.from}-${ctx.records.period.to}`;
  const result = await bridge.files.save({ kind: 'xlsx', suggestedName, base64: toBase64(new Uint8Array(bytes)) });
  if (result.outcome === 'cancelled') return { outcome: 'cancelled' };
  if (result.outcome === 'failed') return { outcome: 'failed', message: result.message };
  const rows = spec.sheets.reduce((n, s) => n + s.rows.length, 0);
  await auditRepo.recordAccess(getDb(), 'exported', { entity: 'ledger', id: kind }, {
    ledger: kind,
    period: { kind: ctx.records.period.kind, from: ctx.records.period.from, to: ctx.records.period.to },
    rows,
    fileName: result.fileName,
    withPhones: kind === 'visitors',
  });
  return { outcome: 'saved', fileName: result.fileName, message: result.message };
}
