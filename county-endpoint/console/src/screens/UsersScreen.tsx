/** Users: the admin creates accounts (each with a first password to change at login), disables them, resets passwords. */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { Department, Role, UserListing } from '../apiTypes';
import { useSignedIn } from '../session';
import { S } from '../strings';
import { Field, Message, SelectField } from '../ui/Form';
import { useLoad } from '../ui/useLoad';
import { PasswordResetDialog } from './PasswordResetDialog';

const ROLES: Role[] = ['clerk', 'department', 'admin'];

export function UsersScreen() {
  const me = useSignedIn().user;
  const users = useLoad<{ users: UserListing[] }>('/users');
  const departments = useLoad<{ departments: Department[] }>('/departments');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [departmentId, setDepartmentId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetting, setResetting] = useState<{ user: UserListing; opener: HTMLElement } | null>(null);

  async function create(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setNotice(null);
    try {
      const r = await api<{ user: UserListing }>('POST', '/users', { username, displayName, role, departmentId: role === 'department' ? departmentId : null, password });
      setNotice(S.users.created(r.user.username));
      setUsername('');
      setDisplayName('');
      setPassword('');
      users.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function toggle(u: UserListing) {
    setError(null);
    try {
      await api('POST', `/users/${encodeURIComponent(u.id)}/disabled`, { disabled: !u.disabled });
      users.reload();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  const activeDepartments = departments.data?.departments.filter((d) => d.active) ?? [];

  return (
    <section>
      <h1>{S.users.title}</h1>
      <Message kind="error">{users.error}</Message>
      <form className="panel" onSubmit={(e) => void create(e)} aria-labelledby="user-add">
        <h2 id="user-add">{S.users.add}</h2>
        <Message kind="error">{error}</Message>
        <Message kind="ok">{notice}</Message>
        <div className="row">
          <Field label={S.users.username} autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} required />
          <Field label={S.users.displayName} autoComplete="off" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
          <SelectField label={S.users.role} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {S.roles[r]}
              </option>
            ))}
          </SelectField>
          {role === 'department' && (
            <SelectField label={S.users.department} value={departmentId} onChange={(e) => setDepartmentId(e.target.value)} required>
              <option value="">{S.users.chooseDepartment}</option>
              {activeDepartments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
          )}
          <Field label={S.users.password} hint={S.users.passwordHint} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </div>
        <button type="submit">{S.users.add}</button>
      </form>
      {users.data && users.data.users.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{S.users.username}</th>
              <th scope="col">{S.users.displayName}</th>
              <th scope="col">{S.users.role}</th>
              <th scope="col">{S.users.department}</th>
              <th scope="col">{S.users.status}</th>
              <th scope="col">{S.stations.actions}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <td className="mono">{u.username}</td>
                <td>{u.displayName}</td>
                <td>{S.roles[u.role]}</td>
                <td>{u.departmentName ?? '—'}</td>
                <td>{u.disabled ? S.users.disabled : u.mustChangePassword ? S.users.mustChange : S.users.enabled}</td>
                <td>
                  {u.id !== me.id && (
                    <div className="buttons">
                      <button type="button" className="secondary small" onClick={() => void toggle(u)} aria-label={`${u.disabled ? S.users.enable : S.users.disable}：${u.username}`}>
                        {u.disabled ? S.users.enable : S.users.disable}
                      </button>
                      <button type="button" className="secondary small" onClick={(e) => setResetting({ user: u, opener: e.currentTarget })} aria-label={`${S.users.reset}：${u.username}`}>
                        {S.users.reset}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resetting && <PasswordResetDialog user={resetting.user} opener={resetting.opener} onDone={users.reload} onClose={() => setResetting(null)} />}
    </section>
  );
}
