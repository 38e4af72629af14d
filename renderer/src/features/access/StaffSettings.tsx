/** 设置 → 账号: add accounts, reset a PIN, stop or restore an account. */
import { useState, type FormEvent } from 'react';
import type { StaffMember } from '../../../../shared/domain/access';
import { pinSchema, staffNameSchema } from '../../../../shared/domain/accessSchemas';
import { Field } from '../../ui/Field';
import { getDb, staffRepo, useLiveQuery } from '../../db';
import { useSessionStore } from '../../state/session';
import { T } from './strings';
import './access.css';

export function StaffSettings() {
  const staff = useLiveQuery(() => staffRepo.listStaff(getDb(), true), []);
  const actor = useSessionStore((s) => s.actor);
  const [notice, setNotice] = useState<string | null>(null);
  const activeCount = staff?.filter((m) => m.active).length ?? 0;

  async function toggle(member: StaffMember) {
    setNotice(null);
    if (member.active && activeCount <= 1) return setNotice(T.lastAccount);
    try {
      await staffRepo.setStaffActive(getDb(), member.id, !member.active);
    } catch (e) {
      console.error('Changing an account failed', e);
      setNotice(T.saveFailed);
    }
  }

  return (
    <section className="panel settings-section" aria-labelledby="settings-staff">
      <h2 id="settings-staff">{T.staffTitle}</h2>
      <p className="muted">{T.staffIntro}</p>
      {staff ? (
        <table className="staff-table">
          <tbody>
            {staff.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.name}
                  {actor?.id === m.id ? <span className="muted"> {T.you}</span> : null}
                  {m.active ? null : <span className="muted"> · {T.stopped}</span>}
                </td>
                <td>{m.active ? <PinReset member={m} onDone={setNotice} /> : null}</td>
                <td>
                  <button type="button" onClick={() => void toggle(m)} aria-label={`${m.active ? T.stop : T.restore}${m.name}`}>
                    {m.active ? T.stop : T.restore}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notice ? (
        <p role="status" className="settings-saved">
          {notice}
        </p>
      ) : null}
      <AddStaff onDone={setNotice} />
    </section>
  );
}

function PinReset({ member, onDone }: { member: StaffMember; onDone: (text: string) => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!pinSchema.safeParse(pin).success) return setError(T.pinShape);
    setError(null);
    setBusy(true);
    try {
      await staffRepo.changePin(getDb(), member.id, pin);
      setPin('');
      onDone(T.pinChanged(member.name));
    } catch (err) {
      console.error('Changing a PIN failed', err);
      setError(T.saveFailed);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="staff-pin-form" onSubmit={(e) => void submit(e)} noValidate>
      <input
        type="password"
        inputMode="numeric"
        maxLength={6}
        autoComplete="off"
        aria-label={`${member.name}的${T.newPin}`}
        placeholder={T.newPin}
        aria-invalid={error !== null}
        value={pin}
        onChange={(e) => setPin(e.target.value.trim())}
      />
      <button type="submit" disabled={busy}>
        {T.setPin}
      </button>
      {error ? <span className="ui-error">{error}</span> : null}
    </form>
  );
}

function AddStaff({ onDone }: { onDone: (text: string) => void }) {
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<{ name?: string; pin?: string }>({});
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: { name?: string; pin?: string } = {};
    const n = staffNameSchema.safeParse(name);
    if (!n.success) next.name = n.error.issues[0]?.message;
    if (!pinSchema.safeParse(pin).success) next.pin = T.pinShape;
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      const member = await staffRepo.addStaff(getDb(), { name, pin });
      setName('');
      setPin('');
      onDone(T.added(member.name));
    } catch (err) {
      console.error('Adding an account failed', err);
      setErrors(err instanceof staffRepo.StaffNameTakenError ? { name: T.nameTaken } : { name: T.saveFailed });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={T.addStaff}>
      <div className="settings-station-grid">
        <Field label={`新账号${T.name}`} error={errors.name} required>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={`新账号${T.pin}`} error={errors.pin} required>
          {(p) => <input {...p} type="password" inputMode="numeric" maxLength={6} autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value.trim())} />}
        </Field>
      </div>
      <div className="settings-actions">
        <button type="submit" disabled={busy}>
          {busy ? T.adding : T.addStaff}
        </button>
      </div>
    </form>
  );
}
