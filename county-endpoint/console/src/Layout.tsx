/** The signed-in frame: header with the user and logout, the menu for the user's role, the screen. */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { screensFor } from './screens';
import { useSession, useSignedIn } from './session';
import { S } from './strings';

export function Layout({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut } = useSession();
  const [location] = useLocation();
  const user = session.user;
  const menu = screensFor(user.role).filter((s) => s.label);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-title">{S.appTitle}</span>
          <span className="brand-sub">{S.appSubtitle}</span>
        </div>
        <div className="account">
          <span>{S.account.signedInAs(user.displayName, S.roles[user.role])}</span>
          <Link href="/password" className="link-button">
            {S.account.changePassword}
          </Link>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            {S.account.logout}
          </button>
        </div>
      </header>
      <div className="body">
        <nav className="menu" aria-label={S.nav.label}>
          <ul>
            {menu.map((s) => {
              const current = s.path === '/' ? location === '/' : location === s.path || location.startsWith(`${s.path}/`);
              return (
                <li key={s.path}>
                  <Link href={s.path} aria-current={current ? 'page' : undefined}>
                    {s.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
