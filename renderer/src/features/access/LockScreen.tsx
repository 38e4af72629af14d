/**
 * The lock screen: the station's accounts and a PIN field. Covers the whole window (what
 * was on screen is hidden, not closed, so half-typed text is still there after unlocking).
 * Wrong PINs are counted on the account; after three the next try waits (shared/domain/access.ts).
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PIN_PATTERN, type StaffMember } from '../../../../shared/domain/access';
import { getDb, staffRepo } from '../../db/startup';
import { useSessionStore } from '../../state/session';
import { T } from './strings';
import './access.css';

type Message = { text: string; until?: number } | null;

export function LockScreen({ staff }: { staff: StaffMember[] }) {
  const [chosen, setChosen] = useState<string | null>(staff.length === 1 ? staff[0]!.id : null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [now, setNow] = useState(() => Date.now());
  const pinRef = useRef<HTMLInputElement>(null);
  const signIn = useSessionStore((s) => s.signIn);
  const pinId = useId();
  const messageId = useId();

  // Counts the wait down each second while a retry delay runs.
  const until = message?.until;
  useEffect(() => {
    if (until === undefined) return;
    const timer = window.setInterval(() => {
      if (Date.now() >= until) setMessage(null);
      setNow(Date.now());
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until]);

  useEffect(() => {
    if (chosen) pinRef.current?.focus();
  }, [chosen]);

  const waiting = until !== undefined && until > now;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return setMessage({ text: T.chooseAccount });
    if (!PIN_PATTERN.test(pin)) return setMessage({ text: T.pinShape });
    setBusy(true);
    try {
      const result = await staffRepo.verifyPin(getDb(), chosen, pin);
      setPin('');
      setNow(Date.now());
      if (result.ok) {
        setMessage(null);
        signIn(result.member);
      } else if (result.reason === 'unknown') setMessage({ text: T.unknownAccount });
      else if (result.reason === 'wait') setMessage({ text: '', until: result.retryAt });
      else if (result.retryAt !== null) setMessage({ text: T.wrongPin(0), until: result.retryAt });
      else setMessage({ text: T.wrongPin(3 - result.failures) });
    } catch (err) {
      console.error('PIN check failed', err);
      setMessage({ text: T.createFailed });
    } finally {
      setBusy(false);
      pinRef.current?.focus();
    }
  }

  const seconds = until !== undefined ? Math.max(1, Math.ceil((until - now) / 1000)) : 0;
  return (
    <div className="access-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form className="access-card panel" onSubmit={(e) => void submit(e)} noValidate>
        <h1 id="lock-title">{T.lockTitle}</h1>
        <p className="muted">{T.lockIntro}</p>
        <fieldset className="access-accounts">
          <legend>{T.accounts}</legend>
          {staff.map((m) => (
            <label key={m.id} className={chosen === m.id ? 'chosen' : undefined}>
              <input type="radio" name="account" value={m.id} checked={chosen === m.id} onChange={() => setChosen(m.id)} />
              {m.name}
            </label>
          ))}
        </fieldset>
        <div className="ui-field">
          <label htmlFor={pinId}>PIN 码</label>
          <input
            ref={pinRef}
            id={pinId}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            onChange={(e) => setPin(e.target.value.trim())}
            aria-describedby={message ? messageId : undefined}
            aria-invalid={message !== null && !waiting}
          />
        </div>
        {message ? (
          <p id={messageId} className="access-message" role="alert">
            {waiting && message.text === '' ? T.waitBefore(seconds) : message.text}
            {waiting && message.text !== '' ? ` ${T.waitBefore(seconds)}` : null}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || waiting}>
          {busy ? T.checking : T.unlock}
        </button>
        <p className="muted access-hint">{T.forgot}</p>
      </form>
    </div>
  );
}
