/** 承办单位: add, rename is not offered here (rare), activate and deactivate; never deleted. */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { Department } from '../apiTypes';
import { S } from '../strings';
import { Field, Message } from '../ui/Form';
import { useLoad } from '../ui/useLoad';

export function DepartmentsScreen() {
  const { data, error, reload } = useLoad<{ departments: Department[] }>('/departments');
  const [name, setName] = useState('');
  const [formError, setFormError] = useState<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    try {
      await api('POST', '/departments', { name });
      setName('');
      reload();
    } catch (err) {
      setFormError(messageOf(err));
    }
  }

  async function toggle(d: Department) {
    try {
      await api('POST', `/departments/${encodeURIComponent(d.id)}`, { active: !d.active });
      reload();
    } catch (err) {
      setFormError(messageOf(err));
    }
  }

  return (
    <section>
      <h1>{S.departments.title}</h1>
      <Message kind="error">{error}</Message>
      <form className="panel" onSubmit={(e) => void add(e)} aria-labelledby="dept-add">
        <h2 id="dept-add">{S.departments.add}</h2>
        <Message kind="error">{formError}</Message>
        <div className="row">
          <Field label={S.departments.name} value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <button type="submit">{S.departments.add}</button>
      </form>
      {data && data.departments.length === 0 && <p>{S.departments.none}</p>}
      {data && data.departments.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{S.departments.name}</th>
              <th scope="col">{S.departments.active}</th>
              <th scope="col">{S.stations.actions}</th>
            </tr>
          </thead>
          <tbody>
            {data.departments.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{d.active ? S.departments.activeOn : S.departments.activeOff}</td>
                <td>
                  <button type="button" className="secondary small" onClick={() => void toggle(d)} aria-label={`${d.active ? S.departments.deactivate : S.departments.activate}：${d.name}`}>
                    {d.active ? S.departments.deactivate : S.departments.activate}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
