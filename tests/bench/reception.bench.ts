/**
 * Reception-desk benchmark: a station history of ~100,000 issues in 40,000 receptions,
 * in Chromium, in the app's own database. Measures saving, searching and cold start,
 * each beside a raw baseline taken in the same run, prints a table and writes the
 * "## Reception desk" section of docs/benchmarks.md.
 *
 * The filled profile is kept in test-results/bench-profile-<port>, so a second run
 * skips the fill (delete the folder to start over).
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import type { RatingTimings, SaveTimings, SearchTiming } from './page/measure';
import { BENCH_PORT } from './env';
import { base, benchAccount, launch, repo, signIn, type BenchAccount } from './profile';
import { writeSection } from './docSection';
import { ms, percentile, ratio, table } from './stats';

const RECEPTIONS = Number(process.env.BENCH_RECEPTIONS ?? 40_000);
const SAVES = Number(process.env.BENCH_SAVES ?? 150);
const RATINGS = Number(process.env.BENCH_RATINGS ?? 50);
const SEARCH_REPS = 15;
const COLD_STARTS = 5;

async function benchPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => console.log(`  [page] ${m.text()}`));
  await page.goto(`${base}/bench/`);
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  return page;
}

/** Records, in the page's own clock, when each selector first appears in the DOM. */
function watchSelectors(selectors: string[]): void {
  const marks: Record<string, number> = {};
  (window as unknown as { benchMarks: Record<string, number> }).benchMarks = marks;
  const check = () => {
    for (const s of selectors) if (!(s in marks) && document.querySelector(s)) marks[s] = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

let account: BenchAccount | null = null;

/** A new browser on the filled profile; times from navigation start to each selector's first appearance. */
async function coldStart(url: string, selectors: string[]): Promise<number[]> {
  const context = await launch();
  try {
    const page = await context.newPage();
    if (account) await signIn(page, account);
    await page.addInitScript(watchSelectors, selectors);
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(selectors[selectors.length - 1]!).first().waitFor({ state: 'visible', timeout: 30_000 });
    const marks = await page.evaluate(() => (window as unknown as { benchMarks: Record<string, number> }).benchMarks);
    return selectors.map((s) => marks[s] ?? NaN);
  } finally {
    await context.close();
  }
}

test('reception desk at 100,000 issues', async () => {
  const started = Date.now();
  const load: number[] = [];
  let context = await launch();
  let page = await benchPage(context);

  const browserVersion = (await page.evaluate(() => navigator.userAgent)).match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown';
  let counts = await page.evaluate(() => window.stationBench.counts());
  if (counts.receptions < RECEPTIONS) {
    console.log(`Filling ${RECEPTIONS} receptions (have ${counts.receptions}) …`);
    await page.evaluate((n) => window.stationBench.fill(n), RECEPTIONS);
    counts = await page.evaluate(() => window.stationBench.counts());
  }
  if (process.env.BENCH_FILL_ONLY === '1') {
    // The fill resumes where it stopped, so a long one can be split (BENCH_RECEPTIONS=20000, then 40000) and kept apart from the measurement.
    console.log(`Filled: ${counts.receptions} receptions, ${counts.issues} issues (${((Date.now() - started) / 1000).toFixed(0)} s); BENCH_FILL_ONLY set, nothing measured.`);
    await context.close();
    return;
  }
  await page.evaluate(() => window.stationBench.seedFollowUp());
  const todo = await page.evaluate(() => window.stationBench.todoCounts());
  console.log(`待办: ${todo.handBack} to hand back, ${todo.rate} to rate, ${todo.deadlines} with a county deadline`);
  console.log(`Database: ${counts.receptions} receptions, ${counts.issues} issues (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  expect(counts.issues).toBeGreaterThan(RECEPTIONS * 2);

  // A fresh browser for the measurements, so the fill's caches do not flatter them.
  await context.close();
  context = await launch();
  page = await benchPage(context);
  if (process.env.BENCH_SEARCH_ONLY) {
    // Tuning the search: timings only, with an optional tuning (JSON in BENCH_TUNING); docs untouched.
    const tuning = JSON.parse(process.env.BENCH_TUNING ?? '{}') as object;
    const quick: SearchTiming[] = await page.evaluate(([reps, t]) => window.stationBench.searches(reps, false, t), [SEARCH_REPS, tuning] as const);
    console.log(JSON.stringify(await page.evaluate(() => window.stationBench.listSizes(['厂房费用', '德信机械']))));
    for (const s of quick) console.log(`${s.name.padEnd(24)} p50 ${ms(percentile(s.times, 50)).padStart(9)}  p95 ${ms(percentile(s.times, 95)).padStart(9)}  next ${ms(s.nextPage).padStart(9)}  shown ${s.shown}${s.hasMore ? '+' : ''}`);
    await context.close();
    return;
  }
  account = await benchAccount(page);
  load.push(loadavg()[0]!);
  const searches: SearchTiming[] = await page.evaluate((reps) => window.stationBench.searches(reps, true), SEARCH_REPS);
  load.push(loadavg()[0]!);
  const saves: SaveTimings = await page.evaluate((n) => window.stationBench.saves(n), SAVES);
  const ratings: RatingTimings = await page.evaluate((n) => window.stationBench.ratings(n), RATINGS);
  await context.close();

  const blank: number[] = [];
  const shell: number[] = [];
  const history: number[] = [];
  const today: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    blank.push((await coldStart(`${base}/bench/blank.html`, ['#blank']))[0]!);
    const [shellAt, listAt] = await coldStart(`${base}/#/history`, ['.shell-header', '.history-list li']);
    shell.push(shellAt!);
    history.push(listAt!);
    // Today with its 待办: the total appears only once todoSummary has returned its counts.
    today.push((await coldStart(`${base}/#/`, ['.todo .todo-total']))[0]!);
  }

  // Screenshot of the history screen on the big database, for a person to look at.
  context = await launch();
  const shot = await context.newPage();
  await signIn(shot, account);
  await shot.goto(`${base}/#/history`);
  await shot.locator('.history-list li').first().waitFor();
  await shot.screenshot({ path: resolve(repo, 'test-results/screens/history-100k.png') });
  await shot.goto(`${base}/#/`);
  await shot.locator('.todo .todo-total').waitFor();
  await shot.screenshot({ path: resolve(repo, 'test-results/screens/today-todo-100k.png'), fullPage: true });
  await context.close();

  load.push(loadavg()[0]!);
  // Each start in order, so a single slow one (a compaction, a busy machine) shows in the log.
  const each = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`Cold starts (ms) — blank: ${each(blank)}; shell: ${each(shell)}; history: ${each(history)}; Today with 待办: ${each(today)}`);
  const report = buildReport(browserVersion, load, counts, todo, searches, saves, ratings, { blank, shell, history, today });
  console.log(`\n${report}\n`);
  // Only a full-size run speaks for the app in the docs; a trial run just prints.
  if (RECEPTIONS >= 40_000) writeSection(resolve(repo, 'docs/benchmarks.md'), '## Reception desk', report);
  else console.log('Trial size: docs/benchmarks.md left unchanged.');

  for (const s of searches) expect(s.agrees, `search "${s.name}" matches the full scan`).toBe(true);
});

/** Whether the profile is as the fill left it: every run's save timings add receptions (and its ratings change issues) for good. */
function profileState(extraReceptions: number): string {
  if (extraReceptions <= 0) return 'This run measured the profile as filled (no earlier run had measured on it).';
  return `This run reused the profile: ${extraReceptions.toLocaleString('en')} of its receptions were written by earlier runs' save timings, with their ratings.`;
}

function buildReport(
  browserVersion: string,
  load: number[],
  counts: { receptions: number; issues: number },
  todo: { handBack: number; rate: number; deadlines: number },
  searches: SearchTiming[],
  saves: SaveTimings,
  ratings: RatingTimings,
  cold: { blank: number[]; shell: number[]; history: number[]; today: number[] },
): string {
  const { blank, shell, history, today } = cold;
  const rate = {
    repo50: percentile(ratings.repository, 50),
    repo95: percentile(ratings.repository, 95),
    raw50: percentile(ratings.raw, 50),
    raw95: percentile(ratings.raw, 95),
  };
  const allSearch = searches.flatMap((s) => s.times);
  const save = {
    repo50: percentile(saves.repository, 50),
    repo95: percentile(saves.repository, 95),
    raw50: percentile(saves.raw, 50),
    raw95: percentile(saves.raw, 95),
    keys50: percentile(saves.keys, 50),
    keys95: percentile(saves.keys, 95),
  };
  const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rawScan = searches.map((s) => s.baseline ?? NaN).filter((v) => !Number.isNaN(v));
  const summary = table(
    ['Measure', 'Station Desk', 'Raw baseline', 'Ratio', 'Target', 'Result'],
    [
      ['Save a reception, p50', ms(save.repo50), ms(save.raw50), ratio(save.repo50, save.raw50), '≤ 1.5× raw', mark(save.repo50 <= 1.5 * save.raw50)],
      ['Save a reception, p95', ms(save.repo95), ms(save.raw95), ratio(save.repo95, save.raw95), '≤ 30 ms', mark(save.repo95 <= 30)],
      ['Search keys written after the save (background), p50 / p95', `${ms(save.keys50)} / ${ms(save.keys95)}`, '', '', '—', ''],
      ['Search, p95 of all queries', ms(percentile(allSearch, 95)), ms(percentile(rawScan, 95)), ratio(percentile(allSearch, 95), percentile(rawScan, 95)), '≤ 50 ms', mark(percentile(allSearch, 95) <= 50)],
      ['Cold start to history list, median', ms(percentile(history, 50)), ms(percentile(blank, 50)), ratio(percentile(history, 50), percentile(blank, 50)), '≤ 1 s', mark(percentile(history, 50) <= 1000)],
      ['Cold start to app shell (header), median', ms(percentile(shell, 50)), ms(percentile(blank, 50)), ratio(percentile(shell, 50), percentile(blank, 50)), '—', ''],
      ['Cold start to Today with its 待办 counts, median', ms(percentile(today, 50)), ms(percentile(blank, 50)), ratio(percentile(today, 50), percentile(blank, 50)), '≤ 0.5 s', mark(percentile(today, 50) <= 500)],
      ['Cold start to Today with its 待办 counts, worst', ms(Math.max(...today)), ms(Math.max(...blank)), '', '—', ''],
      ['Record a rating, p50', ms(rate.repo50), ms(rate.raw50), ratio(rate.repo50, rate.raw50), '≤ 1.5× raw', mark(rate.repo50 <= 1.5 * rate.raw50)],
      ['Record a rating, p95', ms(rate.repo95), ms(rate.raw95), ratio(rate.repo95, rate.raw95), '—', ''],
      ['Cold start to history list, worst', ms(Math.max(...history)), ms(Math.max(...blank)), '', '≤ 1 s', mark(Math.max(...history) <= 1000)],
    ],
  );
  const perQuery = table(
    ['Query', 'p50', 'p95', 'Next page', 'Shown', 'Full-scan baseline', 'Scan matches'],
    searches.map((s) => [
      s.name,
      ms(percentile(s.times, 50)),
      ms(percentile(s.times, 95)),
      ms(s.nextPage),
      `${s.shown}${s.hasMore ? '+' : ''}`,
      ms(s.baseline),
      String(s.baselineMatches ?? '—'),
    ]),
  );
  const notes: string[] = [];
  const slow = searches.filter((q) => percentile(q.times, 95) > 50).map((q) => `${q.name} (${ms(percentile(q.times, 95))})`);
  if (slow.length > 0) notes.push(`Queries over the 50 ms search target at p95: ${slow.join('; ')}.`);
  if (save.repo95 > 30 && save.raw95 > 30) {
    notes.push('Save p95 is over 30 ms for the raw transaction as well: the time goes to IndexedDB writing on the loaded machine, not to the repository.');
  }
  const measuredOn = new Date().toISOString().slice(0, 10);
  return [
    `Measured ${measuredOn} on this project's build machine: 2 CPU cores shared with other jobs running at the same time ` +
      `(1-minute load average during the run: ${load.map((l) => l.toFixed(1)).join(', ')}), ` +
      `Debian Chromium ${browserVersion} headless, browser flavour of the app served by \`vite preview\`. ` +
      `On this shared machine the same query moves by up to 3× between runs; the raw baselines, taken in the same run, ` +
      `show how loaded the machine was.`,
    '',
    `Database: ${counts.receptions.toLocaleString('en')} receptions, ${counts.issues.toLocaleString('en')} issues over three years ` +
      `(text generated from the sample station, tests/bench/fixtures). Command: \`npm run bench\` ` +
      `(first run fills the profile in test-results/bench-profile-${BENCH_PORT}; later runs reuse it). ` +
      profileState(counts.receptions - RECEPTIONS),
    '',
    summary,
    '',
    `Save: ${saves.repository.length} receptions through \`createReception\` (validation, issue rows, issue state, search keys queued, audit entry, one transaction), ` +
      `alternating with a hand-written \`db.transaction\` writing the same rows prepared beforehand. The issues' search keys ` +
      `(about 80 index entries per issue, most of a save's cost on this history) are written right after by a background step ` +
      `(renderer/src/db/termIndex.ts), timed on its own from the save's return until the keys are stored; search reads the few ` +
      `queued issues directly meanwhile. ` +
      `Search: \`searchIssues\` first page of 50, ${SEARCH_REPS} runs per query after one warm-up; the baseline is one ` +
      `\`db.issues.filter(row => row.searchText.includes(q) …)\` full scan, sorted. Cold start: a new browser on the filled ` +
      `profile, navigation start to the first history row in the DOM (${history.length} runs; the app shell's header is timed on the way); baseline: a blank page on the same origin. ` +
      `Today: the same, to \`#/\` until the 待办 panel shows its total (rendered only once \`todoSummary\` has read its counts — the per-group counters ` +
      `of schema v13, and the deadlines within two working days and recent follow-ups from their indexes — and the five rows each folded group shows); on this history 待办 holds ${todo.handBack} answers to hand back, ${todo.rate} to rate ` +
      `and ${todo.deadlines} county deadlines (the fill gives 2,100 sealed issues a county history, tests/bench/page/fill.ts; each run's ratings take some off). ` +
      `Rating: ${ratings.repository.length} ratings through \`recordRating\` (validation, the issue's state and earlier ratings read, rating, outbox entry, ` +
      `state with its 待办 fields, audit entry, one transaction), alternating with a hand-written \`db.transaction\` writing the same rows, prepared beforehand, ` +
      `on another issue waiting for a rating, through the same database layer (the 待办 counters kept on every state write, the statistics day row beside the state).`,
    '',
    perQuery,
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}
