/**
 * 统计: the station's numbers for a month, a quarter, a year or any days, counted from
 * this PC's database (no network), each chart with its table; the 台账 exports; and the
 * same page printed on A4 as the 统计报表 with the station's header.
 */
import { useEffect, useRef, useState } from 'react';
import { periodLabel, type Period } from '../../../../shared/domain/statistics/period';
import { formatChineseDate } from '../../../../shared/domain/time';
import { bridge } from '../../bridge';
import { auditRepo, getDb } from '../../db';
import { useCurrentStation } from '../../state/currentStation';
import { PageHeader } from '../../ui/PageHeader';
import { loadFontsFor } from '../printing/fonts';
import { LedgerExports } from './LedgerExports';
import { warmLedgerWorker } from './ledgers/exportLedger';
import { defaultPeriod, PeriodPicker } from './PeriodPicker';
import { StatisticsReport } from './StatisticsReport';
import { T } from './strings';
import { periodKey, useStatistics } from './useStatistics';
import './statistics.css';

export function StatisticsScreen() {
  const station = useCurrentStation();
  const [period, setPeriod] = useState<Period>(() => defaultPeriod(new Date()));
  const { loaded, failed } = useStatistics(period);
  const report = useRef<HTMLDivElement>(null);
  const [fonts, setFonts] = useState<{ key: string; failed: boolean } | null>(null);
  const [printMessage, setPrintMessage] = useState('');
  const fontsFor = loaded !== null && fonts?.key === loaded.key ? fonts : null;
  const fontsReady = fontsFor !== null && !fontsFor.failed;

  useEffect(() => warmLedgerWorker(), []);

  // The print fonts, for exactly the characters on the report, before it may print. The
  // report is drawn only once the station is read too, which may come after the numbers:
  // until then there is no text to load fonts for.
  useEffect(() => {
    const sheet = report.current;
    if (!loaded || !station || !sheet) return;
    let cancelled = false;
    const text = `${sheet.textContent ?? ''}0123456789.%（）：，、`;
    loadFontsFor(text)
      .then(() => !cancelled && setFonts({ key: loaded.key, failed: false }))
      .catch((error: unknown) => {
        // In the browser flavour a font file the page never fetched cannot come while offline.
        console.error('Loading print fonts failed', error);
        if (!cancelled) setFonts({ key: loaded.key, failed: true });
      });
    return () => {
      cancelled = true;
    };
  }, [loaded, station]);

  async function print() {
    if (!loaded) return;
    setPrintMessage('');
    const result = await bridge.print.print({ landscape: false });
    if (result.outcome === 'printed') {
      await auditRepo.recordAccess(getDb(), 'printed', { entity: 'print', id: 'statisticsReport' }, { period: { kind: period.kind, from: period.from, to: period.to } });
    }
    if (result.message) setPrintMessage(result.message);
  }

  if (!station) return <p className="loading">{T.loading}</p>;
  const key = periodKey(period);
  return (
    <div className="stats-root" data-stats-ready={loaded ? loaded.key : ''} data-fonts-ready={fontsReady ? 'true' : 'false'} data-period={key}>
      <div className="no-print">
        <PageHeader
          title={T.title}
          subtitle={`${periodLabel(period)}（${period.from} 至 ${period.to}）`}
          actions={
            <button type="button" className="primary" disabled={!fontsReady} onClick={() => void print()}>
              {T.printReport}
            </button>
          }
        />
        {printMessage ? <p role="status">{printMessage}</p> : null}
        {fontsFor?.failed ? (
          <p role="status" className="warning">
            {T.fontsFailed}
          </p>
        ) : null}
        <PeriodPicker value={period} onChange={setPeriod} />
        <LedgerExports station={station} loaded={loaded} />
      </div>
      <div ref={report} className="stats-sheet">
        <header className="stats-report-head">
          <p className="stats-report-station">{station.name}</p>
          <p className="stats-report-title">{T.reportTitle}</p>
          <p className="stats-report-meta">{T.reportPlace(station.county, station.town)}</p>
          <p className="stats-report-meta">
            {T.reportPeriod(periodLabel(period), formatChineseDate(period.from), formatChineseDate(period.to))}
            {loaded ? `    ${T.made(formatChineseDate(loaded.today))}` : ''}
          </p>
        </header>
        {failed ? <p className="warning">{T.loadFailed}</p> : null}
        {loaded ? <StatisticsReport stats={loaded.stats} weights={loaded.weights} fontsReady={fontsReady} /> : <p className="loading" role="status">{T.loading}</p>}
      </div>
    </div>
  );
}
