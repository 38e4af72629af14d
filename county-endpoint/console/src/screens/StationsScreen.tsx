/** Stations: who is enrolled, when each last spoke, lists and open issues; enrol and rotate tokens (shown once). */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { StationOverview } from '../apiTypes';
import { S } from '../strings';
import { Field, Message, formatTime } from '../ui/Form';
import { useLoad } from '../ui/useLoad';
import { TokenDialog } from './TokenDialog';

export function StationsScreen() {
  const { data, error, reload } = useLoad<{ stations: StationOverview[] }>('/stations');
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);

  async function enroll(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    try {
      const r = await api<{ station: { name: string }; token: string }>('POST', '/stations', { id, name });
      setShown({ name: r.station.name, token: r.token });
      setId('');
      setName('');
      reload();
    } catch (err) {
      setFormError(messageOf(err));
    }
  }

  async function rotate(s: StationOverview) {
    if (!window.confirm(S.stations.rotateConfirm(s.name))) return;
    try {
      const r = await api<{ station: { name: string }; token: string }>('POST', `/stations/${encodeURIComponent(s.id)}/token`, {});
      setShown({ name: r.station.name, token: r.token });
    } catch (err) {
      setFormError(messageOf(err));
    }
  }

  return (
    <section>
      <h1>{S.stations.title}</h1>
      <Message kind="error">{error}</Message>
      {data && data.stations.length === 0 && <p>{S.stations.none}</p>}
      {data && data.stations.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{S.stations.name}</th>
              <th scope="col">{S.stations.id}</th>
              <th scope="col">{S.stations.createdAt}</th>
              <th scope="col">{S.stations.lastContact}</th>
              <th scope="col" className="num">
                {S.stations.lists}
              </th>
              <th scope="col" className="num">
                {S.stations.pending}
              </th>
              <th scope="col">{S.stations.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.stations.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td className="mono">{s.id}</td>
                <td>{formatTime(s.createdAt, S.common.never)}</td>
                <td>{formatTime(s.lastContactAt, S.common.never)}</td>
                <td className="num">{s.listsReceived}</td>
                <td className="num">{s.pendingIssues}</td>
                <td>
                  <button type="button" className="secondary small" onClick={() => void rotate(s)} aria-label={`${S.stations.rotate}：${s.name}`}>
                    {S.stations.rotate}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="panel" onSubmit={(e) => void enroll(e)} aria-labelledby="enroll-title">
        <h2 id="enroll-title">{S.stations.enrollTitle}</h2>
        <Message kind="error">{formError}</Message>
        <div className="row">
          <Field label={S.stations.id} hint={S.stations.idHint} value={id} onChange={(e) => setId(e.target.value)} required />
          <Field label={S.stations.name} value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <button type="submit">{S.stations.enroll}</button>
      </form>
      {shown && <TokenDialog stationName={shown.name} token={shown.token} onClose={() => setShown(null)} />}
    </section>
  );
}
