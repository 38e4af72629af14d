/**
 * Close the duty day: the summary first, a confirmation, then closeDutyDay and the
 * final summary (with the sealed issue list's number when closing produced one).
 */
import { useState } from 'react';
import { Link } from 'wouter';
import { formatChineseDate, formatTime } from '../../../../shared/domain/time';
import type { DutyDay } from '../../../../shared/domain/schemas';
import { SealingWaitsForReconcile, dutyDaysRepo, getDb, useLiveQuery } from '../../db';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { HandledPanel } from '../follow-up/HandledPanel';
import { DutyDaySummaryView } from './DutyDaySummaryView';
import { toCloseOutcome, type CloseOutcome } from './closeResult';
import { T } from './strings';
import { deputyNames, useOpenDutyDay, useRoster } from './useDutyDayData';
import './dutyDay.css';

export function CloseDutyDayScreen() {
  const open = useOpenDutyDay();
  // Kept here, not in the open-day query: once closed, the day is no longer "open" but its result must stay on screen.
  const [outcome, setOutcome] = useState<CloseOutcome | null>(null);
  if (outcome) return <Closed outcome={outcome} />;
  if (open === undefined) return <p role="status">正在读取…</p>;
  if (open === null) {
    return (
      <>
        <PageHeader title="结束接待日" />
        <div className="panel">
          <p>现在没有正在进行的接待日。</p>
          <Link href="/" className="button primary">
            回到今日接待
          </Link>
        </div>
      </>
    );
  }
  return <BeforeClose day={open} onClosed={setOutcome} />;
}

function BeforeClose({ day, onClosed }: { day: DutyDay; onClosed: (o: CloseOutcome) => void }) {
  const summary = useLiveQuery(() => dutyDaysRepo.dutyDaySummary(getDb(), day.id), [day.id]);
  const roster = useRoster();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function close() {
    setBusy(true);
    setError(null);
    try {
      onClosed(toCloseOutcome(await dutyDaysRepo.closeDutyDay(getDb(), day.id)));
    } catch (e) {
      console.error('Closing the duty day failed', e);
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title="结束接待日"
        subtitle={
          <>
            {formatChineseDate(day.date)}接待日，{formatTime(day.openedAt)} 开始；在岗代表：
            {roster ? deputyNames(roster, day.deputyIds).join('、') : '…'}
          </>
        }
      />
      <section aria-labelledby="close-summary">
        <h2 id="close-summary">本接待日小结（结束前请核对）</h2>
        {summary ? <DutyDaySummaryView summary={summary} /> : <p role="status">正在统计…</p>}
      </section>
      <HandledPanel since={day.openedAt} />
      {error instanceof SealingWaitsForReconcile ? (
        <p className="warning" role="alert">
          {T.closeWaitsForReconcile}
        </p>
      ) : error ? (
        <ErrorNotice message="结束接待日失败，记录没有任何改动，请再试一次。" error={error} />
      ) : null}
      <div className="duty-actions">
        <button type="button" className="primary big" onClick={() => setConfirming(true)} disabled={!summary}>
          结束接待日
        </button>
        <Link href="/" className="button big">
          先不结束，返回
        </Link>
      </div>
      <ConfirmDialog
        open={confirming}
        title="确定结束今天的接待日吗？"
        confirmLabel="确定结束"
        busy={busy}
        onConfirm={() => void close()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          结束后，本接待日共 {summary?.receptions ?? 0} 次来访、{summary?.issues ?? 0} 个问题将被汇总，新的问题编入问题清单准备报送。之后登记的来访不再计入这个接待日。
        </p>
      </ConfirmDialog>
    </>
  );
}

function Closed({ outcome }: { outcome: CloseOutcome }) {
  return (
    <>
      <PageHeader title="接待日已结束" subtitle={`${formatChineseDate(outcome.day.date)}接待日，${formatTime(outcome.day.closedAt ?? outcome.day.openedAt)} 结束`} />
      <div className="panel close-done" role="status">
        <h2>已保存本接待日的小结</h2>
        {outcome.lists.length > 0 ? (
          <ul className="sealed-lists">
            {outcome.lists.map((l) => (
              <li key={l.number}>
                {l.issues} 个问题已编入问题清单 <span className="list-label">{l.number}</span>
                {l.amendments > 0 ? `（其中 ${l.amendments} 个为更正）` : ''}。{' '}
                <Link href={`/print/issueList/${l.id}`} className="button">
                  打印问题清单 {l.number}
                </Link>{' '}
                报送情况见<Link href="/sync">清单报送</Link>。
              </li>
            ))}
          </ul>
        ) : (
          <p>本接待日没有新的问题，不生成问题清单。</p>
        )}
      </div>
      <section aria-labelledby="closed-summary">
        <h2 id="closed-summary">本接待日小结</h2>
        <DutyDaySummaryView summary={outcome.summary} />
      </section>
      <div className="duty-actions">
        <Link href="/" className="button primary big">
          回到今日接待
        </Link>
        <Link href={`/print/reception/day-${outcome.day.id}`} className="button big">
          打印本日来访接待登记表
        </Link>
      </div>
    </>
  );
}
