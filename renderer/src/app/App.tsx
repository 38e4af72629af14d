import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';
import { CurrentStation } from '../state/currentStation';
import { useStation } from '../state/useStation';
import {
  CloseDutyDayScreen,
  HistoryScreen,
  IssueScreen,
  OpenDutyDayScreen,
  PrintScreen,
  ReceptionScreen,
  SettingsScreen,
  StatisticsScreen,
  SyncScreen,
  TodayScreen,
  preloadScreens,
} from './screens';
import { AutoBackupRunner } from '../features/backup/AutoBackupRunner';
import { PendingRestoreSlot } from '../features/backup/PendingRestoreSlot';
import { StorageLowBanner } from '../features/backup/StorageLowBanner';
import { AccessGate } from '../features/access/AccessGate';
import { DutyDayNowProvider } from '../features/duty-day/DutyDayNow';

// Shown once per PC, on the first run: their code (forms, the restore) is not part of a start.
const SetupScreen = lazy(() => import('../features/setup/SetupScreen').then((m) => ({ default: m.SetupScreen })));
const FirstRunRestore = lazy(() => import('../features/backup/FirstRunRestore').then((m) => ({ default: m.FirstRunRestore })));

export function App() {
  return (
    <ErrorBoundary>
      <Router hook={useHashLocation}>
        <Gate />
      </Router>
    </ErrorBoundary>
  );
}

/**
 * Until the station is set up, every route shows the first-run screen; then nobody goes
 * further without an account and its PIN (features/access).
 */
function Gate() {
  const station = useStation();
  if (station === undefined) return <OpeningDatabase />;
  if (station === null)
    return (
      <Suspense fallback={<OpeningDatabase />}>
        <FirstRunRestore />
        <SetupScreen />
      </Suspense>
    );
  return (
    <CurrentStation.Provider value={station}>
      <AccessGate stationCreatedAt={station.createdAt}>
        <PreloadScreens />
        <DutyDayNowProvider>
          <Shell station={station}>
            <AutoBackupRunner />
            <PendingRestoreSlot />
            <StorageLowBanner />
            <Suspense fallback={<p className="loading" role="status">正在读取…</p>}>
              <Switch>
                <Route path="/">{() => <TodayScreen />}</Route>
                <Route path="/duty/open">{() => <OpenDutyDayScreen />}</Route>
                <Route path="/duty/close">{() => <CloseDutyDayScreen />}</Route>
                <Route path="/reception/new">{() => <ReceptionScreen receptionId={null} />}</Route>
                <Route path="/reception/:id">{(params) => <ReceptionScreen receptionId={params.id} />}</Route>
                <Route path="/history">{() => <HistoryScreen />}</Route>
                <Route path="/settings">{() => <SettingsScreen />}</Route>
                <Route path="/sync">{() => <SyncScreen />}</Route>
                <Route path="/statistics">{() => <StatisticsScreen />}</Route>
                <Route path="/issue/:id">{(params) => <IssueScreen issueId={params.id} />}</Route>
                <Route path="/print">{() => <PrintScreen form="" ids={[]} />}</Route>
                <Route path="/print/:form/:ids">{(params) => <PrintScreen form={params.form} ids={params.ids.split(',')} />}</Route>
                <Route>
                  <p>页面不存在。</p>
                </Route>
              </Switch>
            </Suspense>
          </Shell>
        </DutyDayNowProvider>
      </AccessGate>
    </CurrentStation.Provider>
  );
}

/**
 * Opening takes a moment; after an update that reorganizes the stored records (a schema
 * upgrade) it can take minutes on a long history. Say so rather than look frozen.
 */
function OpeningDatabase() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 2000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="loading" role="status">
      <p>正在打开数据库…</p>
      {slow ? <p>软件更新后第一次打开时，需要整理本机保存的记录，记录多时可能要几分钟。请不要关闭程序或电脑，整理完会自动进入。</p> : null}
    </div>
  );
}

/** After the first paint, fetch the other screens' code in the background (./screens.ts). */
function PreloadScreens() {
  useEffect(() => {
    const timer = setTimeout(() => void preloadScreens(), 300);
    return () => clearTimeout(timer);
  }, []);
  return null;
}
