/**
 * Print preview: the toolbar (打印, 保存为 PDF, 返回) above the A4 sheets that print.
 * Printing is offered only once the sheets are laid out with their fonts loaded, so
 * what is on screen is what comes out of the printer.
 */
import { useCallback, useEffect, useState } from 'react';
import { bridge } from '../../bridge';
import { auditRepo, getDb } from '../../db';
import { buildPrintJob, isFormKind, type PrintJob } from './buildDocuments';
import { PagedDocuments } from './Paged';
import { Link } from 'wouter';
import { T } from './strings';
import './print.css';

type Status = { kind: 'idle' | 'busy' } | { kind: 'message'; text: string; warning: boolean };

export default function PrintPreview({ form, ids }: { form: string; ids: string[] }) {
  const idsKey = ids.join(',');
  const requestKey = `${form}/${idsKey}`;
  // Results are keyed by the request they answer, so a new route never shows stale sheets.
  const [loaded, setLoaded] = useState<{ key: string; job: PrintJob | null } | null>(null);
  const [laidOut, setLaidOut] = useState<{ job: PrintJob; pages: number; overflowing: boolean } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const current = loaded?.key === requestKey ? loaded : null;
  const job = current?.job ?? null;
  const failed = current !== null && current.job === null;
  const pages = laidOut && laidOut.job === job ? laidOut.pages : null;

  useEffect(() => {
    let cancelled = false;
    if (!isFormKind(form)) return;
    buildPrintJob(form, idsKey.split(','))
      .then((j) => !cancelled && setLoaded({ key: `${form}/${idsKey}`, job: j }))
      .catch((e: unknown) => {
        console.error('Loading print data failed', e);
        if (!cancelled) setLoaded({ key: `${form}/${idsKey}`, job: null });
      });
    return () => {
      cancelled = true;
    };
  }, [form, idsKey]);

  const onReady = useCallback((n: number, overflowing: boolean) => job && setLaidOut({ job, pages: n, overflowing }), [job]);

  async function run(kind: 'print' | 'savePdf') {
    if (!job) return;
    setStatus({ kind: 'busy' });
    try {
      const result =
        kind === 'print'
          ? await bridge.print.print({ landscape: job.landscape })
          : await bridge.print.savePdf({ landscape: job.landscape, suggestedName: job.fileName });
      if (result.outcome !== 'failed' && result.outcome !== 'cancelled') {
        // Who printed or saved what, in the audit log (docs/access.md).
        auditRepo
          .recordAccess(getDb(), 'printed', { entity: 'print', id: job.form }, { ids: idsKey.split(','), output: kind === 'print' ? 'printer' : 'pdf' })
          .catch((e: unknown) => console.error('Recording a print failed', e));
      }
      if (result.outcome === 'failed') setStatus({ kind: 'message', text: T.printFailed + result.message, warning: true });
      else if (result.outcome === 'cancelled') setStatus({ kind: 'message', text: T.cancelled, warning: false });
      else if (result.outcome === 'saved') setStatus({ kind: 'message', text: T.saved, warning: false });
      else setStatus(result.message ? { kind: 'message', text: result.message, warning: false } : { kind: 'idle' });
    } catch (e) {
      console.error('Print call failed', e);
      setStatus({ kind: 'message', text: T.printFailed + String(e), warning: true });
    }
  }

  const ready = job !== null && pages !== null && job.documents.length > 0;
  const title = isFormKind(form) ? `${T.forms[form]} · ${T.screenTitle}` : T.screenTitle;
  return (
    <div className="print-root" data-print-ready={ready ? 'true' : 'false'} data-pages={pages ?? ''}>
      <div className="print-toolbar" role="toolbar" aria-label={T.screenTitle}>
        <h1>{title}</h1>
        <button type="button" className="primary" disabled={!ready || status.kind === 'busy'} onClick={() => void run('print')}>
          {T.print}
        </button>
        <button type="button" disabled={!ready || status.kind === 'busy'} onClick={() => void run('savePdf')}>
          {T.savePdf}
        </button>
        <button type="button" onClick={() => history.back()}>
          {T.back}
        </button>
        <span className="print-status" role="status">
          {status.kind === 'message' ? status.text : ready ? (laidOut?.overflowing ? T.overflowing(pages) : T.ready(pages)) : ''}
        </span>
      </div>
      {!isFormKind(form) ? (
        <p className="warning">
          {T.unknownForm}
          <Link href="/print">{T.toPicker}</Link>
        </p>
      ) : null}
      {failed ? <p className="warning">{T.loadFailed}</p> : null}
      {job && job.missing > 0 ? <p className="warning print-notice">{T.notFound(job.missing)}</p> : null}
      {job && job.documents.length === 0 ? (
        <p className="warning">
          {T.nothing}
          <Link href="/print">{T.toPicker}</Link>
        </p>
      ) : null}
      {isFormKind(form) && !job && !failed ? <p role="status">{T.loading}</p> : null}
      {job && job.documents.length > 0 ? (
        <div className="print-sheets">
          <PagedDocuments docs={job.documents} onReady={onReady} />
        </div>
      ) : null}
    </div>
  );
}
