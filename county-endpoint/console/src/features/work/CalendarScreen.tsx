/** The county's working-day calendar: everyone who sets deadlines reads it; the admin edits it. */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../../api';
import { useSignedIn } from '../../session';
import { Field, Message, SelectField } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { W } from './strings';
import type { CalendarDay } from './types';
import './work.css';

export function CalendarScreen() {
  const { user } = useSignedIn();
  const admin = user.role === 'admin';
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const { data, error, reload } = useLoad<{ days: CalendarDay[] }>(`/calendar?year=${encodeURIComponent(year)}`);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState('holiday');
  const [note, setNote] = useState('');
  const [ok, setOk] = useState<string | null>(null);
  const [fail, setFail] = useState<string | null>(null);

  async function setDayKind(target: string, k: string | null, n: string) {
    setOk(null);
    setFail(null);
    try {
      await api('POST', `/calendar/${encodeURIComponent(target)}`, { kind: k, note: n });
      setOk(W.calendar.saved);
      reload();
    } catch (err) {
      setFail(messageOf(err));
    }
  }

  function save(e: FormEvent) {
    e.preventDefault();
    void setDayKind(day, kind === 'normal' ? null : kind, note);
  }

  return (
    <section>
      <h1>{W.calendar.title}</h1>
      <p>{W.calendar.intro}</p>
      <Message kind="error">{error ?? fail}</Message>
      <Message kind="ok">{ok}</Message>
      <div className="row">
        <Field label={W.calendar.year} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
      </div>
      {admin && (
        <form className="panel" onSubmit={save} aria-labelledby="cal-edit">
          <h2 id="cal-edit">{W.calendar.editTitle}</h2>
          <div className="row">
            <Field label={W.calendar.day} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
            <SelectField label={W.calendar.kind} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="holiday">{W.calendar.holiday}</option>
              <option value="workday">{W.calendar.workday}</option>
              <option value="normal">{W.calendar.normal}</option>
            </SelectField>
            <Field label={W.calendar.note} value={note} maxLength={30} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit">{W.calendar.save}</button>
        </form>
      )}
      {data && data.days.length === 0 && <p>{W.calendar.none}</p>}
      {data && data.days.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{W.calendar.day}</th>
              <th scope="col">{W.calendar.kind}</th>
              <th scope="col">{W.calendar.note}</th>
              {admin && <th scope="col">{W.calendar.normal}</th>}
            </tr>
          </thead>
          <tbody>
            {data.days.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.kind === 'holiday' ? W.calendar.holiday : W.calendar.workday}</td>
                <td>{d.note}</td>
                {admin && (
                  <td>
                    <button type="button" className="secondary small" onClick={() => void setDayKind(d.day, null, '')} aria-label={W.calendar.remove(d.day)}>
                      {W.calendar.normal}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
