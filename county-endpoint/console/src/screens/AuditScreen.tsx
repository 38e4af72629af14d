/** The admin's audit log: newest first, filter by user name or action, page back through older rows. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { AuditEntry } from '../apiTypes';
import { AUDIT_ACTIONS, S } from '../strings';
import { Field, Message, SelectField, formatTime } from '../ui/Form';

/** The detail of a row in words: known keys with their Chinese names, the rest as they are. */
function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([k, v]) => v !== null && v !== undefined && v !== '' && !S.audit.hiddenKeys.includes(k))
    .map(([k, v]) => {
      const label = S.audit.detailKeys[k] ?? k;
      if (k === 'role' && typeof v === 'string' && v in S.roles) return `${label}：${S.roles[v as keyof typeof S.roles]}`;
      if (k === 'via' && typeof v === 'string') return `${label}：${S.audit.via[v] ?? v}`;
      if (typeof v === 'boolean') return `${label}：${v ? S.common.yes : S.common.no}`;
      return `${label}：${typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)}`;
    })
    .join(';');
}

interface Page {
  entries: AuditEntry[];
  more: boolean;
}

function query(filter: { username: string; action: string }, before: number | null): string {
  const p = new URLSearchParams();
  if (filter.username.trim()) p.set('username', filter.username.trim());
  if (filter.action) p.set('action', filter.action);
  if (before !== null) p.set('before', String(before));
  const s = p.toString();
  return s ? `/audit?${s}` : '/audit';
}

export function AuditScreen() {
  const [username, setUsername] = useState('');
  const [action, setAction] = useState('');
  const [filter, setFilter] = useState({ username: '', action: '' });
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (before: number | null) => {
      try {
        const page = await api<Page>('GET', query(filter, before));
        setEntries((old) => (before === null ? page.entries : [...(old ?? []), ...page.entries]));
        setMore(page.more);
        setError(null);
      } catch (err) {
        setError(messageOf(err));
      }
    },
    [filter],
  );

  useEffect(() => {
    let live = true;
    api<Page>('GET', query(filter, null)).then(
      (page) => {
        if (!live) return;
        setEntries(page.entries);
        setMore(page.more);
        setError(null);
      },
      (err: unknown) => {
        if (live) setError(messageOf(err));
      },
    );
    return () => {
      live = false;
    };
  }, [filter]);

  function apply(e: FormEvent) {
    e.preventDefault();
    setFilter({ username, action });
  }

  return (
    <section>
      <h1>{S.audit.title}</h1>
      <p>{S.audit.intro}</p>
      <form className="panel row filters" onSubmit={apply} aria-label={S.audit.apply}>
        <Field label={S.audit.filterUser} value={username} onChange={(e) => setUsername(e.target.value)} />
        <SelectField label={S.audit.filterAction} value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">{S.audit.allActions}</option>
          {Object.entries(AUDIT_ACTIONS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </SelectField>
        <button type="submit">{S.audit.apply}</button>
      </form>
      <Message kind="error">{error}</Message>
      {entries && entries.length === 0 && <p>{S.audit.none}</p>}
      {entries && entries.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{S.audit.at}</th>
              <th scope="col">{S.audit.user}</th>
              <th scope="col">{S.audit.action}</th>
              <th scope="col">{S.audit.target}</th>
              <th scope="col">{S.audit.address}</th>
              <th scope="col">{S.audit.detail}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((a) => (
              <tr key={a.id}>
                <td>{formatTime(a.at, '')}</td>
                <td className="mono">{a.username ?? '—'}</td>
                <td>{AUDIT_ACTIONS[a.action] ?? a.action}</td>
                <td className="mono">{a.target ?? ''}</td>
                <td className="mono">{a.address ?? ''}</td>
                <td>{describeDetail(a.detail)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && entries && (
        <button type="button" className="secondary" onClick={() => void load(entries[entries.length - 1]?.id ?? null)}>
          {S.common.more}
        </button>
      )}
    </section>
  );
}
