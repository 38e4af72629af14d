/**
 * The screens, each loaded when first opened: a cold start compiles only the shell and the
 * first screen's code instead of one large bundle (most of a cold start was V8 compiling
 * it, docs/benchmarks.md).
 */
import { lazy } from 'react';

export const TodayScreen = lazy(() => import('../features/duty-day/TodayScreen').then((m) => ({ default: m.TodayScreen })));
export const OpenDutyDayScreen = lazy(() => import('../features/duty-day/OpenDutyDayScreen').then((m) => ({ default: m.OpenDutyDayScreen })));
export const CloseDutyDayScreen = lazy(() => import('../features/duty-day/CloseDutyDayScreen').then((m) => ({ default: m.CloseDutyDayScreen })));
export const ReceptionScreen = lazy(() => import('../features/reception/ReceptionScreen').then((m) => ({ default: m.ReceptionScreen })));
export const HistoryScreen = lazy(() => import('../features/history/HistoryScreen').then((m) => ({ default: m.HistoryScreen })));
export const SettingsScreen = lazy(() => import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
export const SyncScreen = lazy(() => import('../features/sync/SyncScreen').then((m) => ({ default: m.SyncScreen })));
export const IssueScreen = lazy(() => import('../features/issues/IssueScreen').then((m) => ({ default: m.IssueScreen })));
export const PrintScreen = lazy(() => import('../features/printing/PrintScreen').then((m) => ({ default: m.PrintScreen })));
