/** 重点督办问题: the year's key issues with their counts, and a form to add one. */
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { api, messageOf } from '../../api';
import { Field, Message, SelectField, formatTime } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { NoteField } from './NoteField';
import { R } from './strings';
import type { KeyIssueDetail, KeyIssueSummary } from './types';
import './reports.css';

const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const YEARS = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

export function KeyIssuesScreen() {
  const [year, setYear] = useState<string>(String(thisYear));
  const { data, error } = useLoad<{ keyIssues: KeyIssueSummary[] }>(`/key-issues${year ? `?year=${year}` : ''}`);
  const K = R.keyIssues;
  return (
    <section>
      <h1>{K.title}</h1>
      <p className="hint">{K.intro}</p>
      <div className="row filters">
        <SelectField label={K.year} value={year} onChange={(e) => setYear(e.target.value)}>
          <option value="">{K.all}</option>
          {YEARS.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      </div>
      <Message kind="error">{error}</Message>
      {data && data.keyIssues.length === 0 && <p>{K.none}</p>}
      {data && data.keyIssues.length > 0 && (
        <table aria-label={K.title}>
          <thead>
            <tr>
              <th scope="col">{K.year}</th>
              <th scope="col">{K.name}</th>
              <th scope="col">{K.leader}</th>
              <th scope="col" className="num">
                {K.issues}
              </th>
              <th scope="col" className="num">
                {K.stations}
              </th>
              <th scope="col" className="num">
                {K.solved}
              </th>
              <th scope="col">{K.lastNote}</th>
              <th scope="col">
                <span className="visually-hidden">{K.open}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.keyIssues.map((k) => (
              <tr key={k.id}>
                <td>{k.year}</td>
                <td>{k.title}</td>
                <td>{k.leader}</td>
                <td className="num">{k.issueCount}</td>
                <td className="num">{k.stationCount}</td>
                <td className="num">{k.solvedCount}</td>
                <td>{formatTime(k.lastNoteAt, '—')}</td>
                <td>
                  <Link href={`/key-issues/${k.id}`} aria-label={`${K.open}：${k.title}`}>
                    {K.open}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateKeyIssue />
    </section>
  );
}

function CreateKeyIssue() {
  const K = R.keyIssues;
  const [, navigate] = useLocation();
  const [year, setYear] = useState(String(thisYear));
  const [title, setTitle] = useState('');
  const [leader, setLeader] = useState('');
  const [goal, setGoal] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await api<{ keyIssue: KeyIssueDetail }>('POST', '/key-issues', { year: Number(year), title, leader, goal });
      navigate(`/key-issues/${r.keyIssue.id}`);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  };
  return (
    <form className="panel narrow" onSubmit={(e) => void submit(e)} aria-labelledby="create-key-issue">
      <h2 id="create-key-issue">{K.create}</h2>
      <Message kind="error">{error}</Message>
      <Field label={K.year} type="number" min={2000} max={2100} required value={year} onChange={(e) => setYear(e.target.value)} />
      <Field label={K.name} hint={K.nameHint} required maxLength={60} value={title} onChange={(e) => setTitle(e.target.value)} />
      <Field label={K.leader} hint={K.leaderHint} required maxLength={60} value={leader} onChange={(e) => setLeader(e.target.value)} />
      <NoteField label={K.goal} required maxLength={1000} value={goal} onChange={(e) => setGoal(e.target.value)} />
      <button type="submit" disabled={busy}>
        {K.save}
      </button>
    </form>
  );
}
