/**
 * 重设密码 in a modal dialog: a temporary password, generated here and editable, is set
 * for the user; then it is shown once with a copy button, and closing forgets it. Focus
 * moves into the dialog and back to the button that opened it; Escape closes it, except
 * while the reset is on its way (the admin would never see the password that was set).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, messageOf } from '../api';
import type { UserListing } from '../apiTypes';
import { S } from '../strings';
import { Field, Message } from '../ui/Form';

const T = S.users;

/** Letters and digits that cannot be misread over the phone (no 0/O, 1/l/I). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four, e.g. Kd7q-Rm3X-p9aT: 14 characters, about 68 bits. */
export function temporaryPassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  // 256 is not a multiple of the alphabet's length; the slight bias is harmless for a
  // password the user replaces at the next login.
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

interface Props {
  user: UserListing;
  /** Focus goes back here when the dialog closes. */
  opener: HTMLElement | null;
  onDone: () => void;
  onClose: () => void;
}

export function PasswordResetDialog({ user, opener, onDone, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState(temporaryPassword);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [setTo, setSetTo] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d || d.open) return;
    d.showModal();
    // Into the field, its text selected: the admin can copy it or type another at once.
    d.querySelector('input')?.select();
  }, []);

  function closed() {
    opener?.focus();
    onClose();
  }

  async function copy(text: string) {
    try {
      // Undefined outside a secure context (plain http to another host): caught below.
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/users/${encodeURIComponent(user.id)}/password`, { password });
      setSetTo(password);
      onDone();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="reset-title"
      aria-describedby="reset-intro"
      onClose={closed}
      onCancel={(e) => {
        if (busy) e.preventDefault();
      }}
    >
      {setTo === null ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="reset-title">{T.resetTitle(user.displayName, user.username)}</h2>
          <p id="reset-intro">{T.resetIntro}</p>
          <Message kind="error">{error}</Message>
          <div className="row">
            <Field
              label={T.resetPassword}
              hint={T.resetPasswordHint}
              className="mono"
              autoComplete="off"
              spellCheck={false}
              required
              value={password}
              onChange={(e) => {
                setPassword(e.target.value);
                setError(null);
              }}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? T.resetBusy : T.resetSubmit}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                setPassword(temporaryPassword());
                setError(null);
              }}
            >
              {T.resetGenerate}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={() => ref.current?.close()}>
              {T.resetCancel}
            </button>
          </div>
        </form>
      ) : (
        <>
          <h2 id="reset-title">{T.resetDoneTitle}</h2>
          <p id="reset-intro">{T.resetDoneIntro(user.displayName)}</p>
          <output className="token" aria-label={T.resetPassword}>
            {setTo}
          </output>
          <p className="hint" role="status">
            {copied === true ? T.resetCopied : copied === false ? T.resetCopyFailed : ''}
          </p>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              autoFocus
              onClick={() => void copy(setTo)}
            >
              {T.resetCopy}
            </button>
            <button type="button" onClick={() => ref.current?.close()}>
              {T.resetClose}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
