/**
 * The browser flavour keeps working when the network goes: once Today shows, the app
 * fetches every screen's code and the code screens fetch later (app/screens.ts,
 * preloadScreens, which calls db/startup.ts's preloadOnDemandCode and so db/schemas.ts's
 * loaders). Every `import()` in the renderer must fetch a module already loaded by then,
 * or one of the few paths listed below with the reason they are left out. A new lazy
 * import left out of the preload failed only offline, as a 程序出了点问题 screen.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dynamicImports, repo, resolveImport, sources, staticClosure } from './importGraph';

const PRELOADERS = ['renderer/src/app/screens.ts', 'renderer/src/db/startup.ts', 'renderer/src/db/schemas.ts'];

/** Left out of the preload, each with its reason. */
const NOT_PRELOADED: Record<string, string> = {
  'renderer/src/features/setup/SetupScreen.tsx': "first run: a station with no data yet (the browser flavour's page itself came from the network moments before)",
  'renderer/src/features/backup/FirstRunRestore.tsx': 'first run: 从备份恢复 on a PC with no data yet',
  'renderer/src/features/statistics/ledgers/workbook.ts':
    "the 台账 writer (exceljs, 0.9 MB) runs in a worker started when 统计 opens; this thread loads it only when no worker can start, and evaluating it at every start is not worth that (the browser flavour's files come from a server on the station PC itself)",
  'renderer/src/features/backup/PendingRestore.tsx': 'asked for by the shell as it first renders, with the page itself, and only right after a restore',
};

describe('code fetched after the first screen', () => {
  const preloaded = PRELOADERS.flatMap((f) => dynamicImports(join(repo, f)).map((spec) => resolveImport(join(repo, f), spec)));
  const loaded = staticClosure(['renderer/src/main.tsx', ...preloaded]);

  it('is preloaded for every screen and the print preview', () => {
    for (const f of ['renderer/src/features/printing/PrintScreen.tsx', 'renderer/src/features/printing/PrintPreview.tsx', 'renderer/src/features/statistics/StatisticsScreen.tsx']) {
      expect(loaded.has(join(repo, f)), f).toBe(true);
    }
  });

  it('covers every import() in the renderer but the few listed', () => {
    const missing = sources('renderer/src').flatMap((file) =>
      dynamicImports(join(repo, file))
        .map((spec) => resolveImport(join(repo, file), spec))
        .filter((target) => !loaded.has(target) && !(relative(repo, target) in NOT_PRELOADED))
        .map((target) => `${file} → ${target.startsWith('package:') ? target : relative(repo, target)}`),
    );
    expect(missing).toEqual([]);
  });
});
