/** The clerk's and departments' work screens (待认领/交办, 督办, answers, 公示/销号, calendar). */
import type { ConsoleScreen } from '../../screens';
import { BoardScreen, NoticeBoardScreen } from './BoardScreen';
import { CalendarScreen } from './CalendarScreen';
import { InboxIssueScreen } from './InboxIssueScreen';
import { InboxScreen } from './InboxScreen';
import { IssueScreen } from './IssueScreen';
import { W } from './strings';
import { UnclaimedScreen } from './UnclaimedScreen';

export const workScreens: ConsoleScreen[] = [
  { path: '/work/unclaimed', label: W.nav.unclaimed, roles: ['clerk'], component: UnclaimedScreen },
  { path: '/work/board', label: W.nav.board, roles: ['clerk', 'admin'], component: BoardScreen },
  { path: '/work/notice', label: W.nav.notice, roles: ['clerk'], component: NoticeBoardScreen },
  { path: '/work/issues/:id', roles: ['clerk', 'admin'], component: IssueScreen },
  { path: '/inbox', label: W.nav.inbox, roles: ['department'], component: InboxScreen },
  { path: '/inbox/:id', roles: ['department'], component: InboxIssueScreen },
  { path: '/calendar', label: W.nav.calendar, roles: ['clerk', 'admin'], component: CalendarScreen },
];
