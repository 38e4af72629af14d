/**
 * Statistics benchmark: the 统计 screen for a whole year and that year's 问题台账, on the
 * 100,000-issue history (the same filled profile as reception.bench.ts; filled here when
 * missing), each beside a raw pass in the same run: a bare IndexedDB read of the year's
 * receptions, issues and issue states, with no counting or drawing — the rows the 台账 read,
 * and the screen read before it had its own day rows (schema v12, renderer/src/db/statRows.ts).
 * While the 台账 is written, the longest gap between two animation frames shows whether
 * the window froze. Writes the "## Statistics and 台账" section of docs/benchmarks.md.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeSection } from './docSection';
import { base, benchAccount, launch, repo, signIn } from './profile';
import { ms, percentile, ratio, table } from './stats';

const RECEPTIONS = Number(process.env.BENCH_RECEPTIONS ?? 40_000);
const SCREEN_REPS = 5;
const RAW_REPS = 5;

/** Raw IndexedDB, no Dexie: the rows the statistics read for one year, and how long that takes. */
function rawYearPass(year: number): Promise<{ ms: number; receptions: number; issues: number; states: number }> {
  return new Promise((resolvePass, reject) => {
    const open = indexedDB.open('station-desk');
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const started = performance.now();
      const tx = db.transaction(['receptions', 'issues', 'issueStates'], 'readonly');
      const range = IDBKeyRange.bound(`${year}-01-01`, `${year}-12-31\uffff`);
      const out = { ms: 0, receptions: 0, issues: 0, states: 0 };
      const receptions = tx.objectStore('receptions').index('receivedAt').getAll(range);
      receptions.onsuccess = () => (out.receptions = (receptions.result as unknown[]).length);
      const issues = tx.objectStore('issues').index('recordedAt').getAll(range);
      issues.onsuccess = () => {
        const ids = (issues.result as { id: string }[]).map((i) => i.id);
        out.issues = ids.length;
        const states = tx.objectStore('issueStates');
        for (const id of ids) states.get(id).onsuccess = () => (out.states += 1);
      };
      tx.oncomplete = () => {
        out.ms = performance.now() - started;
        db.close();
        resolvePass(out);
      };
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    };
  });
}

function issueCountOfYear(year: number): Promise<number> {
  return new Promise((resolveCount, reject) => {
    const open = indexedDB.open('station-desk');
    open.onerror = () => reject(open.error ?? new Error('open failed'));
    open.onsuccess = () => {
      const db = open.result;
      const r = db.transaction('issues', 'readonly').objectStore('issues').index('recordedAt').count(IDBKeyRange.bound(`${year}-01-01`, `${year}-12-31\uffff`));
      r.onsuccess = () => {
        db.close();
        resolveCount(r.result);
      };
    };
  });
}

/** In the page: the time of the next `change` or `click`, the time `selector` first matches, and the longest frame gap between them. */
function watch(selector: string): void {
  // Each watch has its own record; an earlier watch's observer never writes into it.
  const state = { start: NaN, end: NaN, longestFrame: 0 };
  (window as unknown as { benchWatch: typeof state }).benchWatch = state;
  const mark = () => {
    if (Number.isNaN(state.start)) state.start = performance.now();
  };
  document.addEventListener('change', mark, { capture: true, once: true });
  document.addEventListener('click', mark, { capture: true, once: true });
  let last = performance.now();
  const frame = (t: number) => {
    if (!Number.isNaN(state.start)) state.longestFrame = Math.max(state.longestFrame, t - last);
    last = t;
    if (Number.isNaN(state.end)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observer = new MutationObserver(() => {
    if (!Number.isNaN(state.start) && Number.isNaN(state.end) && document.querySelector(selector)) {
      observer.disconnect();
      // Drawn: the charts paint in the frame after the numbers are in the DOM.
      requestAnimationFrame(() => (state.end = performance.now()));
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}

const watched = (page: Page) =>
  page.waitForFunction(() => {
    const w = (window as unknown as { benchWatch?: { start: number; end: number; longestFrame: number } }).benchWatch;
    return w && !Number.isNaN(w.end) ? w : null;
  }, undefined, { timeout: 120_000 }).then((h) => h.jsonValue() as Promise<{ start: number; end: number; longestFrame: number }>);

test('statistics and 台账 at 100,000 issues', async () => {
  let context = await launch({ acceptDownloads: true });
  let page = await context.newPage();
  await page.goto(`${base}/bench/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  let counts = await page.evaluate(() => window.stationBench.counts());
  if (counts.receptions < RECEPTIONS) {
    console.log(`Filling ${RECEPTIONS} receptions (have ${counts.receptions}) …`);
    await page.evaluate((n) => window.stationBench.fill(n), RECEPTIONS);
    counts = await page.evaluate(() => window.stationBench.counts());
  }
  expect(counts.issues).toBeGreaterThan(RECEPTIONS * 2);
  const years = [2024, 2025, 2026];
  const perYear = await Promise.all(years.map((y) => page.evaluate(issueCountOfYear, y)));
  const year = years[perYear.indexOf(Math.max(...perYear))]!;
  const other = year === 2025 ? 2024 : 2025;
  const account = await benchAccount(page);
  await context.close();

  // A fresh browser, signed in, at the home screen; 统计 is opened by clicking.
  context = await launch({ acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log(`  [page] ${m.text()}`));
  await signIn(page, account);
  await page.goto(`${base}/`);
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '统计', exact: true }).click();
  const root = page.locator('.stats-root');
  await expect(root).toHaveAttribute('data-stats-ready', /.+/, { timeout: 60_000 });
  await page.getByRole('radio', { name: '按年' }).check();
  await expect(root).toHaveAttribute('data-stats-ready', /^year:/, { timeout: 60_000 });

  const load: number[] = [loadavg()[0]!];
  const screenTimes: number[] = [];
  const raw: number[] = [];
  let rawRows = { receptions: 0, issues: 0, states: 0 };
  for (let i = 0; i < SCREEN_REPS; i++) {
    // Alternate two years, so every measured one is a change of period.
    for (const y of [other, year]) {
      const key = `year:${y}-01-01:${y}-12-31`;
      await page.evaluate(watch, `.stats-root[data-stats-ready="${key}"] table`);
      await page.getByLabel('年份').selectOption(String(y));
      const w = await watched(page);
      if (y === year) screenTimes.push(w.end - w.start);
    }
    const pass = await page.evaluate(rawYearPass, year);
    raw.push(pass.ms);
    rawRows = pass;
  }
  for (let i = screenTimes.length; i < RAW_REPS; i++) raw.push((await page.evaluate(rawYearPass, year)).ms);
  load.push(loadavg()[0]!);
  const shownIssues = Number(await root.locator('[data-total="issues"]').textContent());
  expect(shownIssues).toBe(rawRows.issues);

  // The year's 问题台账: click to file, with the longest frame gap while it is written.
  await page.evaluate(watch, '.stats-ledgers [data-export-state="done"]');
  const downloadStarted = Date.now();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: '问题台账', exact: true }).click();
  const file = await download;
  const ledgerWall = Date.now() - downloadStarted;
  const ledger = await watched(page);
  await expect(page.getByRole('status').filter({ hasText: '问题台账已导出' })).toBeVisible();
  const path = resolve(repo, `test-results/bench/ledger-${year}.xlsx`);
  await file.saveAs(path);
  const { statSync } = await import('node:fs');
  const bytes = statSync(path).size;

  // Cancel: a second export stopped while it runs.
  await page.getByRole('button', { name: '问题台账', exact: true }).click();
  await expect(page.getByText(/正在(生成|写入)问题台账/)).toBeVisible();
  const cancelAt = Date.now();
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已取消导出' })).toBeVisible();
  const cancelMs = Date.now() - cancelAt;
  load.push(loadavg()[0]!);
  await context.close();

  const rawP50 = percentile(raw, 50);
  const screenP50 = percentile(screenTimes, 50);
  const rows = [
    ['统计 screen, whole year (change of period → numbers and charts drawn)', `${ms(screenP50)} (max ${ms(Math.max(...screenTimes))})`, ratio(screenP50, rawP50), '≤ 1 s'],
    ['Raw pass: the year’s receptions, issues and issue states from IndexedDB', ms(rawP50), '1.00×', '—'],
    [`问题台账 ${year}: click → file downloaded (${rawRows.issues} rows, ${(bytes / 1e6).toFixed(1)} MB)`, ms(ledger.end - ledger.start), ratio(ledger.end - ledger.start, rawP50), '≤ 10 s'],
    ['Longest frame while the 台账 is written (window responsive)', ms(ledger.longestFrame), '—', '—'],
    ['取消 during an export → 已取消导出 shown', ms(cancelMs), '—', '—'],
  ];
  const report = [
    `Run ${new Date().toISOString().slice(0, 10)}, \`npm run bench\` (tests/bench/statistics.bench.ts), Chromium, browser flavour, on the reception benchmark's history: ${counts.receptions} receptions, ${counts.issues} issues; the measured year ${year} has ${rawRows.receptions} receptions and ${rawRows.issues} issues. Machine load (1-min average) ${load.map((l) => l.toFixed(2)).join(' → ')}.`,
    '',
    table(['measure', 'p50', 'vs raw', 'target'], rows),
    '',
    `Screen samples: ${screenTimes.map((t) => t.toFixed(0)).join(', ')} ms; raw samples: ${raw.map((t) => t.toFixed(0)).join(', ')} ms. Click-to-download measured from Node: ${ledgerWall} ms.`,
    'The screen is timed in the page from the year select’s change event until the year’s tables are in the DOM and the next frame is drawn. The 台账 is written in a worker; the longest frame gap includes the main thread’s own share (making the rows, copying them to the worker, base64 for the bridge).',
  ].join('\n');
  console.log(report);
  if (RECEPTIONS >= 40_000) writeSection(resolve(repo, 'docs/benchmarks.md'), '## Statistics and 台账', report);
  else console.log('Trial size: docs/benchmarks.md left unchanged.');
});
