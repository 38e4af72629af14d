/**
 * 打印 (main menu): one card per form, each already set to the most recent duty day,
 * sealed list or month, so any form's preview is one click away; plus finding an issue
 * by the reference code printed on the public notice.
 */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { formatChineseDate, dayKey } from '../../../../shared/domain/time';
import { PageHeader } from '../../ui/PageHeader';
import { dutyDaysRepo, getDb, printQueriesRepo, useLiveQuery } from '../../db';
import { DAY_PREFIX } from './loadModels';
import { T } from './strings';
import './picker.css';

const P = T.picker;

function monthStart(d: Date): string {
  return dayKey(new Date(d.getFullYear(), d.getMonth(), 1));
}

/** The value chosen in a select, or the first option while nothing was chosen. */
function useChoice(first: string | undefined): [string, (v: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  return [chosen ?? first ?? '', setChosen];
}

export function PrintPicker() {
  const [, navigate] = useLocation();
  const days = useLiveQuery(() => dutyDaysRepo.recentDutyDays(getDb(), 60), []);
  const lists = useLiveQuery(() => printQueriesRepo.recentSealedLists(getDb(), 30), []);
  const firstDay = days?.[0] ? `${DAY_PREFIX}${days[0].id}` : undefined;
  const [receptionDay, setReceptionDay] = useChoice(firstDay);
  const [assignmentDay, setAssignmentDay] = useChoice(firstDay);
  const [list, setList] = useChoice(lists?.[0]?.id ?? firstDay);
  const [from, setFrom] = useState(() => monthStart(new Date()));
  const [to, setTo] = useState(() => dayKey(new Date()));
  const [rangeError, setRangeError] = useState('');
  const [code, setCode] = useState('');
  const [found, setFound] = useState<string[] | null>(null);

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

  const dayOptions = (days ?? []).map((d) => (
    <option key={d.id} value={`${DAY_PREFIX}${d.id}`}>
      {P.dayOption(formatChineseDate(d.date))}
    </option>
  ));
  const noDays = days !== undefined && days.length === 0;

  return (
    <div className="print-picker">
      <PageHeader title={P.title} subtitle={P.subtitle} />
      <div className="print-choices">
        <section className="panel print-choice" aria-labelledby="choice-reception">
          <h2 id="choice-reception">{T.forms.reception}</h2>
          <p className="muted">{P.about.reception}</p>
          <label className="field">
            {P.dutyDay}
            <select value={receptionDay} onChange={(e) => setReceptionDay(e.target.value)} disabled={noDays}>
              {noDays ? <option value="">{P.noDays}</option> : dayOptions}
            </select>
          </label>
          <button type="button" className="primary" disabled={!receptionDay} onClick={() => navigate(`/print/reception/${receptionDay}`)}>
            {P.preview(T.forms.reception)}
          </button>
        </section>

        <section className="panel print-choice" aria-labelledby="choice-list">
          <h2 id="choice-list">{T.forms.issueList}</h2>
          <p className="muted">{P.about.issueList}</p>
          <label className="field">
            {P.list}
            <select value={list} onChange={(e) => setList(e.target.value)} disabled={!list}>
              {!list ? <option value="">{P.noLists}</option> : null}
              {lists && lists.length > 0 ? (
                <optgroup label={P.sealedLists}>
                  {lists.map((l) => (
                    <option key={l.id} value={l.id}>
                      {P.listOption(l.number, l.issueIds.length)}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {days && days.length > 0 ? (
                <optgroup label={P.draftLists}>
                  {days.map((d) => (
                    <option key={d.id} value={`${DAY_PREFIX}${d.id}`}>
                      {P.draftOption(formatChineseDate(d.date))}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          </label>
          <button type="button" className="primary" disabled={!list} onClick={() => navigate(`/print/issueList/${list}`)}>
            {P.preview(T.forms.issueList)}
          </button>
        </section>

        <section className="panel print-choice" aria-labelledby="choice-assignment">
          <h2 id="choice-assignment">{T.forms.assignment}</h2>
          <p className="muted">{P.about.assignment}</p>
          <label className="field">
            {P.dutyDay}
            <select value={assignmentDay} onChange={(e) => setAssignmentDay(e.target.value)} disabled={noDays}>
              {noDays ? <option value="">{P.noDays}</option> : dayOptions}
            </select>
          </label>
          <button type="button" className="primary" disabled={!assignmentDay} onClick={() => navigate(`/print/assignment/${assignmentDay}`)}>
            {P.preview(T.forms.assignment)}
          </button>
        </section>

        <form className="panel print-choice" aria-labelledby="choice-notice" onSubmit={openNotice}>
          <h2 id="choice-notice">{T.forms.notice}</h2>
          <p className="muted">{P.about.notice}</p>
          <div className="picker-range">
            <label className="field">
              {P.from}
              <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="field">
              {P.to}
              <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          {rangeError ? <p className="field-error">{rangeError}</p> : null}
          <button type="submit" className="primary">
            {P.preview(T.forms.notice)}
          </button>
        </form>
      </div>

      <form className="panel print-lookup" onSubmit={(e) => void lookUp(e)}>
        <label>
          {P.codeLookup}{' '}
          <input value={code} maxLength={12} placeholder={P.codePlaceholder} onChange={(e) => setCode(e.target.value)} />
        </label>{' '}
        <button type="submit">{P.find}</button>
        {found && found.length === 0 ? <p className="field-error">{P.noCode}</p> : null}
        {found && found.length > 0 ? (
          <ul>
            {found.map((id) => (
              <li key={id}>
                <Link href={`/issue/${id}`}>{P.viewIssue}</Link> · <Link href={`/print/assignment/${id}`}>{P.preview(T.forms.assignment)}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </form>
    </div>
  );
}
