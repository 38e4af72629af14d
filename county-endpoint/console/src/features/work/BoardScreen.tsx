/**
 * 督办台账: every open issue with its 三色 status, filtered by station, department,
 * category, status, colour, 持续督办 and receive date. The 公示销号 screen is the same board
 * opened on answered and published issues.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Field, Message, SelectField } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { ColourBadge } from './ColourBadge';
import { formatDay } from './format';
import { W } from './strings';
import type { Board, Options } from './types';
import './work.css';

interface Filters {
  station: string;
  department: string;
  category: string;
  status: string;
  colour: string;
  attention: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { station: '', department: '', category: '', status: '', colour: '', attention: '', from: '', to: '' };
const PAGE = 50;

function query(f: Filters, offset: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as [string, string][]) if (v) q.set(k, v);
  q.set('offset', String(offset));
  q.set('limit', String(PAGE));
  return `/work/board?${q.toString()}`;
}

export function BoardScreen({ notice = false }: { notice?: boolean }) {
  const initial: Filters = notice ? { ...EMPTY, status: 'answered' } : EMPTY;
  const [draft, setDraft] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const [offset, setOffset] = useState(0);
  const { data, error } = useLoad<Board>(query(applied, offset));
  const options = useLoad<Options>('/work/options');
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  function apply(e: FormEvent) {
    e.preventDefault();
    setOffset(0);
    setApplied(draft);
  }

  return (
    <section>
      <h1>{notice ? W.board.noticeTitle : W.board.title}</h1>
      <p>{notice ? W.board.noticeIntro : W.board.intro}</p>
      <Message kind="error">{error ?? options.error}</Message>
      <form className="panel" onSubmit={apply} aria-label={W.board.filters}>
        <div className="row filters">
          <SelectField label={W.board.station} value={draft.station} onChange={set('station')}>
            <option value="">{W.board.all}</option>
            {options.data?.stations.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={W.board.department} value={draft.department} onChange={set('department')}>
            <option value="">{W.board.all}</option>
            {options.data?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={W.board.category} value={draft.category} onChange={set('category')}>
            <option value="">{W.board.all}</option>
            {options.data?.categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </SelectField>
          <SelectField label={W.board.status} value={draft.status} onChange={set('status')}>
            <option value="">{W.board.all}</option>
            <option value="answered">{W.board.answered}</option>
            {['assigned', 'responded', 'published', 'reopened'].map((s) => (
              <option key={s} value={s}>
                {W.status[s]}
              </option>
            ))}
          </SelectField>
          <SelectField label={W.board.colour} value={draft.colour} onChange={set('colour')}>
            <option value="">{W.board.all}</option>
            {['red', 'yellow', 'green'].map((c) => (
              <option key={c} value={c}>
                {W.colour[c]}
              </option>
            ))}
          </SelectField>
          <SelectField label={W.board.attention} value={draft.attention} onChange={set('attention')}>
            <option value="">{W.board.all}</option>
            <option value="overdue">{W.board.attentionOverdue}</option>
            <option value="unsatisfied">{W.board.attentionUnsatisfied}</option>
          </SelectField>
          <Field label={W.board.from} type="date" value={draft.from} onChange={set('from')} />
          <Field label={W.board.to} type="date" value={draft.to} onChange={set('to')} />
          <button type="submit">{W.board.apply}</button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setOffset(0);
            }}
          >
            {W.board.reset}
          </button>
        </div>
      </form>
      {data && (
        <p className="counts" role="status">
          {W.common.count(data.total)}（{W.board.counts(data.counts.red, data.counts.yellow, data.counts.green)}）
        </p>
      )}
      {data && data.rows.length === 0 && <p>{W.board.none}</p>}
      {data && data.rows.length > 0 && (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">{W.cols.colour}</th>
                <th scope="col">{W.cols.summary}</th>
                <th scope="col">{W.cols.station}</th>
                <th scope="col">{W.cols.category}</th>
                <th scope="col">{W.cols.department}</th>
                <th scope="col">{W.cols.deadline}</th>
                <th scope="col">{W.cols.status}</th>
                <th scope="col">{W.cols.satisfaction}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <ColourBadge colour={r.colour} />
                  </td>
                  <td>
                    <Link href={`/work/issues/${encodeURIComponent(r.id)}`} aria-label={W.board.open(r.summary)}>
                      {r.summary}
                    </Link>
                    <div className="muted mono">{r.countyRef}</div>
                  </td>
                  <td>
                    {r.stationName}
                    <div className="muted">
                      {W.common.listNo(r.listYear, r.listSeq)} {r.seq}
                    </div>
                  </td>
                  <td>{r.category}</td>
                  <td>
                    {r.departmentName ?? W.board.returnedLead}
                    {r.leadState && <div className="muted">{W.assignment[r.leadState]}</div>}
                  </td>
                  <td>{formatDay(r.deadline, W.common.noDeadline)}</td>
                  <td>{W.status[r.status] ?? r.status}</td>
                  <td>{r.satisfaction ? W.satisfaction[r.satisfaction] : W.common.none}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {W.board.prev}
            </button>
            <span>{W.board.page(offset + 1, offset + data.rows.length, data.total)}</span>
            <button type="button" className="secondary" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              {W.board.next}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

export function NoticeBoardScreen() {
  return <BoardScreen notice />;
}
