/** Report screens and 重点督办问题 (the 选联工委 and the admin). */
import type { ConsoleScreen } from '../../screens';
import { KeyIssueScreen } from './KeyIssueScreen';
import { KeyIssuesScreen } from './KeyIssuesScreen';
import { PrintScreen } from './PrintScreen';
import { ReportsScreen } from './ReportsScreen';
import { R } from './strings';

export const reportScreens: ConsoleScreen[] = [
  { path: '/reports', label: R.nav.reports, roles: ['admin', 'clerk'], component: ReportsScreen },
  { path: '/reports/print', roles: ['admin', 'clerk'], component: PrintScreen },
  { path: '/key-issues', label: R.nav.keyIssues, roles: ['admin', 'clerk'], component: KeyIssuesScreen },
  { path: '/key-issues/:id', roles: ['admin', 'clerk'], component: KeyIssueScreen },
];
