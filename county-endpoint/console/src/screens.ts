/**
 * The console's screens and its navigation menu, in one list. Each entry names its
 * address (under /console), its menu label, and the roles that see it; the menu and the
 * router are both built from this list, so a screen a role cannot use is neither shown nor
 * routed. Feature areas add their own lists (features/<area>/screens.ts) below.
 */
import type { ComponentType } from 'react';
import type { Role } from './apiTypes';
import { reportScreens } from './features/reports/screens';
import { workScreens } from './features/work/screens';
import { AuditScreen } from './screens/AuditScreen';
import { DepartmentsScreen } from './screens/DepartmentsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { StationsScreen } from './screens/StationsScreen';
import { UsersScreen } from './screens/UsersScreen';
import { S } from './strings';

export interface ConsoleScreen {
  /** Address under /console, e.g. '/stations'; may hold wouter parameters ('/issues/:id'). */
  path: string;
  /** Menu label; omit for screens reached from another screen (a detail page). */
  label?: string;
  roles: readonly Role[];
  component: ComponentType;
}

export const ALL_ROLES: readonly Role[] = ['admin', 'clerk', 'department'];

const homeScreens: ConsoleScreen[] = [{ path: '/', label: S.nav.home, roles: ALL_ROLES, component: HomeScreen }];

const adminScreens: ConsoleScreen[] = [
  { path: '/stations', label: S.nav.stations, roles: ['admin', 'clerk'], component: StationsScreen },
  { path: '/departments', label: S.nav.departments, roles: ['admin'], component: DepartmentsScreen },
  { path: '/users', label: S.nav.users, roles: ['admin'], component: UsersScreen },
  { path: '/audit', label: S.nav.audit, roles: ['admin'], component: AuditScreen },
];

/** Menu order: home, the daily work, reports, then administration. */
export const SCREENS: ConsoleScreen[] = [...homeScreens, ...workScreens, ...reportScreens, ...adminScreens];

export function screensFor(role: Role): ConsoleScreen[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}
