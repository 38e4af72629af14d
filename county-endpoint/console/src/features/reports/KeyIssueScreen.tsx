/** One 重点督办问题: its leader and goal, the issues grouped under it (find, add, remove) and its progress notes. */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import { api, messageOf } from '../../api';
import { Field, Message, formatTime } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { NoteField } from './NoteField';
import { R } from './strings';
import type { IssueCandidate, KeyIssueDetail } from './types';
import './reports.css';

const K = R.keyIssues;

export function KeyIssueScreen() {
  const { id = '' } = useParams<{ id: string }>();
  const loaded = useLoad<{ keyIssue: KeyIssueDetail }>(`/key-issues/${encodeURIComponent(id)}`);
  // The answer of the last change, else what the screen loaded.
  const [updated, setKeyIssue] = useState<KeyIssueDetail | null>(null);
  const keyIssue = updated ?? loaded.data?.keyIssue ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (call: () => Promise<{ keyIssue: KeyIssueDetail }>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      setKeyIssue((await call()).keyIssue);
      setNotice(done);
      return true;
    } catch (err) {
      setError(messageOf(err));
      return false;
    }
  };

  if (loaded.error) return <Message kind="error">{loaded.error}</Message>;
  if (!keyIssue) return <p className="loading">{R.print.preparing}</p>;
  const base = `/key-issues/${encodeURIComponent(keyIssue.id)}`;
  return (
    <section>
      <p>
        <Link href="/key-issues">{K.back}</Link>
      </p>
      <h1>{K.heading(keyIssue.year, keyIssue.title)}</h1>
      <dl className="key-facts">
        <dt>{K.leader}</dt>
        <dd>{keyIssue.leader}</dd>
        <dt>{K.goal}</dt>
        <dd className="key-goal">{keyIssue.goal}</dd>
        <dt>{K.issues}</dt>
        <dd>{K.counts(keyIssue.issueCount, keyIssue.stationCount, keyIssue.solvedCount)}</dd>
      </dl>
      <Message kind="ok">{notice}</Message>
      <Message kind="error">{error}</Message>

      <h2>{K.members}</h2>
      {keyIssue.issues.length === 0 ? (
        <p>{K.noMembers}</p>
      ) : (
        <table aria-label={K.members}>
          <thead>
            <tr>
              <th scope="col">{K.ref}</th>
              <th scope="col">{K.station}</th>
              <th scope="col">{K.category}</th>
              <th scope="col">{K.summary}</th>
              <th scope="col">{K.department}</th>
              <th scope="col">{K.status}</th>
              <th scope="col">
                <span className="visually-hidden">{K.remove}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keyIssue.issues.map((i) => (
              <tr key={i.id}>
                <td className="mono">{i.countyRef}</td>
                <td>{i.stationName}</td>
                <td>{i.category}</td>
                <td>{i.summary}</td>
                <td>{i.department ?? '—'}</td>
                <td>{K.statuses[i.status] ?? i.status}</td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={`${K.remove}：${i.summary}`}
                    onClick={() => void act(() => api('POST', `${base}/issues/${encodeURIComponent(i.id)}/remove`, {}), K.removed)}
                  >
                    {K.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <FindIssues onAdd={(issueId) => act(() => api('POST', `${base}/issues`, { issueIds: [issueId] }), K.added)} />

      <h2>{K.notes}</h2>
      {keyIssue.notes.length === 0 ? (
        <p>{K.noNotes}</p>
      ) : (
        <ul className="note-list" aria-label={K.notes}>
          {keyIssue.notes.map((n) => (
            <li key={n.id}>
              <span className="muted">{`${formatTime(n.at, '')} ${n.authorName}`}</span>
              <br />
              {n.note}
            </li>
          ))}
        </ul>
      )}
      <AddNote onAdd={(note) => act(() => api('POST', `${base}/notes`, { note }), K.noteSaved)} />
    </section>
  );
}

function FindIssues({ onAdd }: { onAdd: (issueId: string) => Promise<boolean> }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<IssueCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    try {
      setFound((await api<{ issues: IssueCandidate[] }>('GET', `/key-issues/candidates?${new URLSearchParams({ q }).toString()}`)).issues);
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  };
  return (
    <div className="panel">
      <form className="row filters" onSubmit={(e) => void search(e)} aria-label={K.searchForm}>
        <Field label={K.search} hint={K.searchHint} value={q} onChange={(e) => setQ(e.target.value)} />
        <button type="submit">{K.searchButton}</button>
      </form>
      <Message kind="error">{error}</Message>
      {found && found.length === 0 && <p>{R.reports.empty}</p>}
      {found && found.length > 0 && (
        <table aria-label={K.results}>
          <thead>
            <tr>
              <th scope="col">{K.ref}</th>
              <th scope="col">{K.station}</th>
              <th scope="col">{K.category}</th>
              <th scope="col">{K.summary}</th>
              <th scope="col">
                <span className="visually-hidden">{K.add}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {found.map((i) => (
              <tr key={i.id}>
                <td className="mono">{i.countyRef}</td>
                <td>{i.stationName}</td>
                <td>{i.category}</td>
                <td>{i.summary}</td>
                <td>
                  {i.keyIssueTitle ? (
                    <span className="muted">{K.already(i.keyIssueTitle)}</span>
                  ) : (
                    <button
                      type="button"
                      className="small"
                      aria-label={`${K.add}：${i.summary}`}
                      onClick={() =>
                        void onAdd(i.id).then((ok) => {
                          if (ok) setFound((list) => list?.map((x) => (x.id === i.id ? { ...x, keyIssueTitle: K.thisOne } : x)) ?? null);
                        })
                      }
                    >
                      {K.add}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function AddNote({ onAdd }: { onAdd: (note: string) => Promise<boolean> }) {
  const [note, setNote] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await onAdd(note)) setNote('');
  };
  return (
    <form className="panel narrow" onSubmit={(e) => void submit(e)} aria-label={K.noteForm}>
      <NoteField label={K.note} required maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit">{K.addNote}</button>
    </form>
  );
}
