/** 导出台账: one button per 台账, progress while it is written, and 取消. */
import { useRef, useState } from 'react';
import type { StationSettings } from '../../../../shared/domain/schemas';
import { getDb, periodRecordsRepo } from '../../db';
import { ExportCancelled, exportLedger } from './ledgers/exportLedger';
import { LEDGER_KINDS, type LedgerKind } from './ledgers/ledgerSpec';
import { T } from './strings';
import type { LoadedStatistics } from './useStatistics';

type Status = { kind: 'idle' } | { kind: 'running'; ledger: LedgerKind; text: string; done: number; total: number } | { kind: 'message'; text: string; warning: boolean };

/** The read, or ExportCancelled as soon as 取消 is clicked (the read itself finishes unseen). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const stop = () => reject(new ExportCancelled());
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

export function LedgerExports({ station, loaded }: { station: StationSettings; loaded: LoadedStatistics | null }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function run(ledger: LedgerKind) {
    if (!loaded) return;
    const controller = new AbortController();
    abort.current = controller;
    const name = T.ledgerNames[ledger];
    setStatus({ kind: 'running', ledger, text: T.reading(name), done: 0, total: 0 });
    try {
      // The screen counts compact rows; a 台账 lists whole records, read now.
      const records = await untilAborted(periodRecordsRepo.loadPeriodRecords(getDb(), loaded.period), controller.signal);
      const result = await exportLedger(
        ledger,
        { station, records, statistics: loaded.stats, today: loaded.today },
        (e) =>
          setStatus(
            e.type === 'progress'
              ? { kind: 'running', ledger, text: T.exporting(name, e.done, e.total), done: e.done, total: e.total }
              : { kind: 'running', ledger, text: T.writing(name), done: 0, total: 0 },
          ),
        controller.signal,
      );
      if (result.outcome === 'saved') setStatus({ kind: 'message', text: T.exportSaved(name, result.message), warning: false });
      else if (result.outcome === 'cancelled') setStatus({ kind: 'message', text: T.exportCancelled, warning: false });
      else setStatus({ kind: 'message', text: T.exportFailed + result.message, warning: true });
    } catch (error) {
      if (error instanceof ExportCancelled) {
        setStatus({ kind: 'message', text: T.exportCancelled, warning: false });
        return;
      }
      console.error('Export failed', error);
      setStatus({ kind: 'message', text: T.exportFailed + String(error), warning: true });
    } finally {
      abort.current = null;
    }
  }

  const running = status.kind === 'running';
  return (
    <section className="stats-ledgers no-print" aria-labelledby="stats-ledgers-title">
      <h2 id="stats-ledgers-title">{T.ledgers}</h2>
      <div className="stats-ledger-buttons">
        {LEDGER_KINDS.map((k) => (
          <button key={k} type="button" disabled={!loaded || running} onClick={() => void run(k)}>
            {T.ledgerNames[k]}
          </button>
        ))}
        {running ? (
          <button type="button" className="danger" onClick={() => abort.current?.abort()}>
            {T.cancel}
          </button>
        ) : null}
      </div>
      <p role="status" className={status.kind === 'message' && status.warning ? 'warning' : 'muted'} data-export-state={status.kind === 'running' ? 'running' : status.kind === 'message' ? 'done' : 'idle'}>
        {status.kind === 'running' ? (
          <>
            {status.text}
            {/* Indeterminate while the file itself is written (no count to show). */}
            {status.total > 0 ? <progress aria-label={T.ledgerNames[status.ledger]} value={status.done} max={status.total} /> : <progress aria-label={T.ledgerNames[status.ledger]} />}
          </>
        ) : status.kind === 'message' ? (
          status.text
        ) : null}
      </p>
    </section>
  );
}
