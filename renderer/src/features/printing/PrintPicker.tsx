/**
 * Entry points to the forms: pick a duty day (its receptions, its draft issue list, its
 * assignment forms), a period for the public notice, or find an issue by the reference
 * code printed on the notice.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { formatChineseDate, dayKey } from '../../../../shared/domain/time';
import { dutyDaysRepo, getDb, printQueriesRepo, receptionsRepo, useLiveQuery } from '../../db';
import { DRAFT_LIST_PREFIX } from './loadModels';
import { T } from './strings';

const P = T.picker;

function monthStart(d: Date): string {
  return dayKey(new Date(d.getFullYear(), d.getMonth(), 1));
}

export function PrintPicker() {
  const [, navigate] = useLocation();
  const days = useLiveQuery(() => dutyDaysRepo.recentDutyDays(getDb(), 60), []);
  const lists = useLiveQuery(() => printQueriesRepo.recentSealedLists(getDb(), 30), []);
  const [dayId, setDayId] = useState('');
  const [from, setFrom] = useState(() => monthStart(new Date()));
  const [to, setTo] = useState(() => dayKey(new Date()));
  const [rangeError, setRangeError] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<string[] | null>(null);

  async function openDay(kind: 'reception' | 'issueList' | 'assignment') {
    if (!dayId) return;
    if (kind === 'issueList') return navigate(`/print/issueList/${DRAFT_LIST_PREFIX}${dayId}`);
    const receptions = await receptionsRepo.receptionsOfDutyDay(getDb(), dayId);
    const ordered = [...receptions].sort((a, b) => a.reception.receivedAt.localeCompare(b.reception.receivedAt));
    const ids =
      kind === 'reception'
        ? ordered.map((r) => r.reception.id)
        : ordered.flatMap((r) => r.issues.filter((i) => i.handling === 'referToCounty').map((i) => i.id));
    navigate(`/print/${kind}/${ids.join(',') || '-'}`);
  }

  function openNotice(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return setRangeError(P.badRange);
    setRangeError('');
    navigate(`/print/notice/${from}~${to}`);
  }

  async function lookUp(e: FormEvent) {
    e.preventDefault();
    setFound(await printQueriesRepo.issueIdsByRefCode(getDb(), code));
  }

  return (
    <div className="print-picker">
      <h2>{P.title}</h2>
      <section className="panel">
        <label className="field">
          {P.dutyDay}
          <select value={dayId} onChange={(e) => setDayId(e.target.value)}>
            <option value="">{days && days.length === 0 ? P.noDays : P.chooseDay}</option>
            {(days ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {formatChineseDate(d.date)}
              </option>
            ))}
          </select>
        </label>
        <div className="picker-actions">
          <button type="button" disabled={!dayId} onClick={() => void openDay('reception')}>
            {P.receptionsOfDay}
          </button>
          <button type="button" disabled={!dayId} onClick={() => void openDay('issueList')}>
            {P.draftList}
          </button>
          <button type="button" disabled={!dayId} onClick={() => void openDay('assignment')}>
            {P.assignments}
          </button>
        </div>
      </section>
      {lists && lists.length > 0 ? (
        <section className="panel">
          <h3>{P.sealedLists}</h3>
          <div className="picker-actions">
            {lists.map((l) => (
              <Link key={l.id} className="button" href={`/print/issueList/${l.id}`}>
                {l.number}({l.issueIds.length} 个问题)
              </Link>
            ))}
          </div>
        </section>
      ) : null}
      <form className="panel" onSubmit={openNotice}>
        <div className="picker-actions">
          <span>{P.noticeRange}</span>
          <label>
            {P.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {P.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <button type="submit">{P.printNotice}</button>
        </div>
        {rangeError ? <p className="field-error">{rangeError}</p> : null}
      </form>
      <form className="panel" onSubmit={(e) => void lookUp(e)}>
        <div className="picker-actions">
          <label>
            {P.codeLookup}{' '}
            <input value={code} maxLength={12} placeholder={P.codePlaceholder} onChange={(e) => setCode(e.target.value)} />
          </label>
          <button type="submit">{P.find}</button>
        </div>
        {found && found.length === 0 ? <p className="field-error">{P.noCode}</p> : null}
        {found && found.length > 0 ? (
          <ul>
            {found.map((id) => (
              <li key={id}>
                <Link href={`/issue/${id}`}>查看问题</Link> · <Link href={`/print/assignment/${id}`}>打印交办反馈单</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </form>
    </div>
  );
}
