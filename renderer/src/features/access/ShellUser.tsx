/** Who is signed in, and the 锁定 button, in the shell's header. */
import { useSessionStore } from '../../state/session';
import { lockNow } from './lockNow';
import { T } from './strings';
import './access.css';

export function ShellUser() {
  const actor = useSessionStore((s) => s.actor);
  if (!actor) return null;
  return (
    <div className="shell-user">
      <span className="muted shell-user-name" title={T.signedInAs(actor.name)}>
        {T.signedInAs(actor.name)}
      </span>
      <button type="button" onClick={() => void lockNow('button')}>
        {T.lockButton}
      </button>
    </div>
  );
}
