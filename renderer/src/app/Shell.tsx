import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { StationSettings } from '../../../shared/domain/schemas';
import { SyncIndicator } from '../features/sync/SyncIndicator';
import { ShellUser } from '../features/access/ShellUser';
import { useNavigationStore } from '../state/navigation';
import { ROUTES } from '../routes';
import { useNewReceptionShortcut } from './useNewReceptionShortcut';

const NAV: { href: string; label: string }[] = [
  { href: ROUTES.today, label: '今日接待' },
  { href: ROUTES.newReception, label: '登记来访' },
  { href: ROUTES.history, label: '历史查询' },
  { href: ROUTES.sync, label: '清单报送' },
  { href: ROUTES.print, label: '打印' },
  { href: ROUTES.statistics, label: '统计' },
  { href: ROUTES.settings, label: '设置' },
];

/** 打印 stays marked while a form's preview is open under it (#/print/...). */
function isCurrent(href: string, location: string): boolean {
  return href === ROUTES.print ? location === href || location.startsWith(`${href}/`) : location === href;
}

export function Shell({ station, children }: { station: StationSettings; children: ReactNode }) {
  const [location] = useLocation();
  const restartScreen = useNavigationStore((s) => s.restartScreen);
  useNewReceptionShortcut();
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-title">
          <strong>{station.name}</strong>
          <span className="muted">
            {station.county} · {station.town}
          </span>
        </div>
        <nav aria-label="主菜单" className="shell-nav">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className={isCurrent(item.href, location) ? 'active' : undefined}
              aria-current={isCurrent(item.href, location) ? 'page' : undefined}
              onClick={() => {
                if (location === item.href) restartScreen();
              }}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <SyncIndicator />
        <ShellUser />
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
