/**
 * 待认领: every issue waiting for a lead department, grouped by station and list, with the
 * station's suggested department; tick some (or a whole list) and assign them at once.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { api, messageOf } from '../../api';
import { Field, Message, SelectField } from '../../ui/Form';
import { useLoad } from '../../ui/useLoad';
import { formatDay } from './format';
import { W } from './strings';
import type { Options, UnclaimedIssue } from './types';
import './work.css';

interface Group {
  key: string;
  title: string;
  issues: UnclaimedIssue[];
}

function groupsOf(issues: UnclaimedIssue[]): Group[] {
  const groups = new Map<string, Group>();
  for (const i of issues) {
    const key = `${i.stationId}/${i.listYear}/${i.listSeq}`;
    const g = groups.get(key) ?? { key, title: `${i.stationName} ${W.common.listNo(i.listYear, i.listSeq)}`, issues: [] };
    g.issues.push(i);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function UnclaimedScreen() {
  const { data, error, reload } = useLoad<{ issues: UnclaimedIssue[]; more: boolean }>('/work/unclaimed');
  const options = useLoad<Options>('/work/options');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [lead, setLead] = useState('');
  const [co, setCo] = useState<Set<string>>(new Set());
  const [days, setDays] = useState('7');
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const groups = useMemo(() => groupsOf(data?.issues ?? []), [data]);

  function toggle(ids: string[], on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function assign(e: FormEvent) {
    e.preventDefault();
    setFormError(null);
    setDone(null);
    if (selected.size === 0) {
      setFormError(W.unclaimed.noneSelected);
      return;
    }
    try {
      const r = await api<{ assigned: { deadline: string }[] }>('POST', '/work/assign', {
        issueIds: [...selected],
        leadDepartmentId: lead,
        coDepartmentIds: [...co].filter((id) => id !== lead),
        days: Number(days),
      });
      const name = options.data?.departments.find((d) => d.id === lead)?.name ?? '';
      setDone(W.unclaimed.done(r.assigned.length, name, formatDay(r.assigned[0]?.deadline ?? null, '')));
      setSelected(new Set());
      reload();
    } catch (err) {
      setFormError(messageOf(err));
    }
  }

  return (
    <section>
      <h1>{W.unclaimed.title}</h1>
      <p>{W.unclaimed.intro}</p>
      <Message kind="error">{error ?? options.error}</Message>
      <Message kind="ok">{done}</Message>
      <form className="panel sticky-assign" onSubmit={(e) => void assign(e)} aria-labelledby="assign-title">
        <h2 id="assign-title">
          {W.unclaimed.assignTitle}（{W.unclaimed.selected(selected.size)}）
        </h2>
        <Message kind="error">{formError}</Message>
        <div className="row">
          <SelectField label={W.unclaimed.lead} value={lead} onChange={(e) => setLead(e.target.value)} required>
            <option value="">{W.unclaimed.chooseLead}</option>
            {options.data?.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <Field label={W.unclaimed.days} hint={W.unclaimed.daysHint} type="number" min={1} max={90} value={days} onChange={(e) => setDays(e.target.value)} required />
        </div>
        <fieldset className="co-list">
          <legend>{W.unclaimed.co}</legend>
          {options.data && options.data.departments.filter((d) => d.id !== lead).length === 0 && <span className="muted">{W.unclaimed.noOther}</span>}
          {options.data?.departments
            .filter((d) => d.id !== lead)
            .map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={co.has(d.id)}
                  onChange={(e) =>
                    setCo((prev) => {
                      const next = new Set(prev);
                      if (e.target.checked) next.add(d.id);
                      else next.delete(d.id);
                      return next;
                    })
                  }
                />
                {d.name}
              </label>
            ))}
        </fieldset>
        <button type="submit">{W.unclaimed.submit}</button>
      </form>
      {data && data.issues.length === 0 && <p>{W.unclaimed.none}</p>}
      {data?.more && <Message kind="ok">{W.unclaimed.more}</Message>}
      {groups.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{W.cols.select}</th>
              <th scope="col">{W.cols.seq}</th>
              <th scope="col">{W.cols.category}</th>
              <th scope="col">{W.cols.summary}</th>
              <th scope="col">{W.cols.handling}</th>
              <th scope="col">{W.cols.suggested}</th>
              <th scope="col">{W.cols.ref}</th>
              <th scope="col">{W.cols.received}</th>
            </tr>
          </thead>
          {groups.map((g) => {
            const ids = g.issues.map((i) => i.id);
            const all = ids.every((id) => selected.has(id));
            return (
              <tbody key={g.key}>
                <tr className="group-head">
                  <th scope="rowgroup" colSpan={8}>
                    <label>
                      <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} aria-label={W.unclaimed.selectGroup(g.title)} />
                      {g.title}
                    </label>
                  </th>
                </tr>
                {g.issues.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <input type="checkbox" checked={selected.has(i.id)} onChange={(e) => toggle([i.id], e.target.checked)} aria-label={W.unclaimed.selectOne(i.summary)} />
                    </td>
                    <td>{i.seq}</td>
                    <td>{i.category}</td>
                    <td>
                      {i.summary}
                      {i.returnedBy && <div className="returned">{W.unclaimed.returned(i.returnedBy, i.returnReason ?? '')}</div>}
                    </td>
                    <td>{W.handling[i.handling] ?? i.handling}</td>
                    <td>{i.suggestedDepartment || W.common.none}</td>
                    <td className="mono">{i.countyRef}</td>
                    <td>{formatDay(i.receivedAt, '')}</td>
                  </tr>
                ))}
              </tbody>
            );
          })}
        </table>
      )}
    </section>
  );
}
