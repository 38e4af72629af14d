/**
 * Sync benchmark: 10,000 issues sealed into lists (at most 100 per list, the protocol's
 * cap) pushed by the real engine in the browser to a real county endpoint; the same
 * request bodies POSTed raw from Node to a fresh endpoint for comparison; peak renderer
 * heap during the push; then 10,000 county updates pulled and applied. Figures go to
 * the "## Sync" section of docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { CountyProcess } from '../e2e/syncCounty';
import { connectedStation, readStore, sealNow, seedIssues, useTimings } from '../e2e/syncStation';
import { UPDATES_MAX_LIMIT } from '../../shared/protocol/constants';
import { writeSection } from './docSection';
import { SYNC_FINDINGS } from './syncFindings';

const ISSUES = 10_000;
const PER_RECEPTION = 50;

async function heapSampler(cdp: CDPSession): Promise<{ stop: () => Promise<number> }> {
  await cdp.send('Performance.enable');
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak;
    },
  };
}

/** SYNC_BENCH_PROFILE=1: a CPU profile of the renderer per phase, summarised on the console. */
async function profiler(cdp: CDPSession, name: string): Promise<{ stop: () => Promise<void> }> {
  if (!process.env.SYNC_BENCH_PROFILE) return { stop: async () => undefined };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    stop: async () => {
      const { profile } = await cdp.send('Profiler.stop');
      mkdirSync('test-results/bench-sync', { recursive: true });
      writeFileSync(`test-results/bench-sync/${name}.cpuprofile`, JSON.stringify(profile));
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const dt = profile.timeDeltas ?? [];
      (profile.samples ?? []).forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
      });
      const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
      console.log(`CPU profile ${name} (self ms):\n${top.map(([k, v]) => `  ${v.toFixed(0).padStart(6)}  ${k}`).join('\n')}`);
    },
  };
}

/** SYNC_BENCH_PROFILE=1: when each county request of the page started and ended, relative to `t0`. */
function requestLog(page: Page, route: string): { lines: string[]; t0: number } {
  const log = { lines: [] as string[], t0: Date.now() };
  if (!process.env.SYNC_BENCH_PROFILE) return log;
  page.on('requestfinished', (r) => {
    if (!r.url().includes(route)) return;
    const t = r.timing();
    log.lines.push(`${route} start ${(t.startTime - log.t0).toFixed(0)} ms, waiting ${(t.responseStart - t.requestStart).toFixed(0)} ms, body ${(t.responseEnd - t.responseStart).toFixed(0)} ms`);
  });
  return log;
}

/**
 * The floor under the pull: the same rows rewritten with bare IndexedDB, no Dexie, no
 * network: per page one transaction that reads each issue's state row (where the
 * update was stored) and writes it back (same values, so the app's data is unchanged).
 */
async function rawRewrite(page: Page, pageSize: number): Promise<number> {
  return page.evaluate(async (size) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('station-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    const updated = (await all<{ id: string; county: unknown[] }>('issueStates')).filter((s) => s.county.length > 0);
    const start = performance.now();
    for (let from = 0; from < updated.length; from += size) {
      const chunk = updated.slice(from, from + size);
      const tx = db.transaction(['issueStates'], 'readwrite');
      const states = tx.objectStore('issueStates');
      for (const s of chunk) {
        const req = states.get(s.id);
        req.onsuccess = () => states.put(req.result);
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('rewrite failed'));
      });
    }
    db.close();
    return performance.now() - start;
  }, pageSize);
}

/**
 * Waits until the pull's cursor reaches `cursor` (and, with `inboxEmpty`, the county inbox
 * is empty: every pulled update folded) or `acknowledged` outbox entries are acknowledged, watching from inside the page on one IndexedDB connection every 25 ms
 * (a new connection per poll from the driver would itself slow the sync being timed).
 * Returns the wall-clock time at which it saw the goal.
 */
async function reached(page: Page, goal: { cursor: number; inboxEmpty?: true } | { acknowledged: number }): Promise<number> {
  const { at, steps } = await page.evaluate(async (want) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('station-desk');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    const read = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error ?? new Error('read failed'));
      });
    const count = (store: string) =>
      new Promise<number>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('count failed'));
      });
    const deadline = Date.now() + 10 * 60_000;
    // When the watched count moved, for SYNC_BENCH_PROFILE's timeline.
    const steps: [number, number][] = [];
    for (;;) {
      let done: boolean;
      let seen: number;
      if ('cursor' in want) {
        seen = (await read<{ cursor: number }>('syncState'))[0]?.cursor ?? 0;
        done = seen >= want.cursor;
        if (done && want.inboxEmpty) {
          seen = -(await count('countyInbox'));
          done = seen === 0;
        }
      } else {
        seen = (await read<{ state: string }>('outbox')).filter((o) => o.state === 'acknowledged').length;
        done = seen >= want.acknowledged;
      }
      if (steps.at(-1)?.[1] !== seen) steps.push([Date.now(), seen]);
      if (done) {
        db.close();
        return { at: Date.now(), steps };
      }
      if (Date.now() > deadline) throw new Error(`sync did not reach ${JSON.stringify(want)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }, goal);
  if (process.env.SYNC_BENCH_PROFILE) console.log(`${Object.keys(goal).join("+")} timeline: ${steps.map(([t, n]) => `${n}@${t - steps[0]![0]}`).join(' ')}`);
  return at;
}

test('sync benchmark', async ({ page, context }) => {
  const county = await CountyProcess.start();
  const rawCounty = await CountyProcess.start();
  try {
    await useTimings(page, { intervalMs: 3_600_000, requestTimeoutMs: 60_000, backoffBaseMs: 100, backoffCapMs: 500 });
    const { id: station } = await connectedStation(page, county);
    await seedIssues(page, { receptions: ISSUES / PER_RECEPTION, issuesPer: PER_RECEPTION, textLength: 120 });
    // Seal while offline so the push is measured on its own.
    await context.setOffline(true);
    const sealStart = Date.now();
    await sealNow(page);
    const sealMs = Date.now() - sealStart;
    const lists = (await readStore<{ id: string }>(page, 'issueLists')).length;
    await context.setOffline(false);

    const bodies: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/v1/push')) bodies.push(r.postData() ?? '');
    });
    const cdp = await context.newCDPSession(page);
    const heap = await heapSampler(cdp);
    const pushProfile = await profiler(cdp, 'push');
    const pushLog = requestLog(page, '/v1/push');
    const pushStart = Date.now();
    await page.getByRole('button', { name: '立即同步' }).click();
    const pushMs = (await reached(page, { acknowledged: lists })) - pushStart;
    await pushProfile.stop();
    if (pushLog.lines.length) console.log(pushLog.lines.join('\n'));
    const peakHeap = await heap.stop();
    expect(new Set(county.issueIds(station)).size).toBe(ISSUES);

    // The same bytes, POSTed raw from Node, one request after the other, to a fresh endpoint.
    const rawToken = rawCounty.enroll(station, '基准对照站');
    const rawStart = Date.now();
    for (const body of bodies) {
      const res = await fetch(`${rawCounty.url}/v1/push`, { method: 'POST', headers: { authorization: `Bearer ${rawToken}`, 'content-type': 'application/json' }, body });
      expect(res.status).toBe(200);
      await res.text();
    }
    const rawMs = Date.now() - rawStart;

    // 10,000 county updates (assign each issue), then one pull that applies them all.
    const issueIds = (await readStore<{ id: string }>(page, 'issues')).map((i) => i.id);
    const queue = [...issueIds];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let id = queue.pop(); id; id = queue.pop()) await county.admin({ name: 'assign', issueId: id, department: '县供电公司', days: 7 });
      }),
    );
    const heapPull = await heapSampler(cdp);
    const pullProfile = await profiler(cdp, 'pull');
    const pullLog = requestLog(page, '/v1/updates');
    const pullStart = Date.now();
    await page.getByRole('button', { name: '立即同步' }).click();
    // Two watchers from the click: the cursor stored (reads show every update from then on), and the inbox folded.
    const [stored, folded] = await Promise.all([reached(page, { cursor: ISSUES }), reached(page, { cursor: ISSUES, inboxEmpty: true })]);
    const pullMs = stored - pullStart;
    const foldMs = folded - pullStart;
    await pullProfile.stop();
    if (pullLog.lines.length) console.log(pullLog.lines.join('\n'));
    const peakHeapPull = await heapPull.stop();
    const assigned = (await readStore<{ status: string }>(page, 'issueStates')).filter((i) => i.status === 'assigned').length;
    expect(assigned).toBe(ISSUES);
    const rawPullMs = await rawRewrite(page, UPDATES_MAX_LIMIT);

    const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b), 0);
    const rate = (ms: number) => Math.round((ISSUES / ms) * 1000);
    const ratio = rawMs / pushMs;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const body = [
      'Command: `npm run bench:sync` (browser flavour in Debian Chromium, real county endpoint processes on PGlite, same machine).',
      '',
      `Run: ${new Date().toISOString()}, ${ISSUES.toLocaleString('en')} issues sealed into ${lists} lists (the protocol caps a list at 100 issues), ${bodies.length} push requests, ${mb(bytes)} MiB.`,
      '',
      '| measure | result | target |',
      '| --- | --- | --- |',
      `| seal 10,000 issues ("封存未归档问题", one transaction) | ${(sealMs / 1000).toFixed(1)} s | — |`,
      `| push through the engine (ping, ${bodies.length} requests, receipts stored; the lists' issues then read as submitted) | ${(pushMs / 1000).toFixed(1)} s, ${rate(pushMs)} issues/s | — |`,
      `| raw POST of the same bodies from Node, sequential | ${(rawMs / 1000).toFixed(1)} s, ${rate(rawMs)} issues/s | — |`,
      `| engine ÷ raw throughput | ${ratio.toFixed(2)}× | ≥ 0.5× |`,
      `| peak renderer JS heap during the push (CDP JSHeapUsedSize) | ${mb(peakHeap)} MiB | — |`,
      `| pull and apply 10,000 county updates (${Math.ceil(ISSUES / UPDATES_MAX_LIMIT)} pages of ${UPDATES_MAX_LIMIT}): stored with the cursor, every screen shows them | ${(pullMs / 1000).toFixed(2)} s | ≤ 2 s |`,
      `| … and folded into the issues' state rows in the background (inbox empty), from the click | ${(foldMs / 1000).toFixed(2)} s | — |`,
      `| the same state rows rewritten with bare IndexedDB in the same page (read + write each issue's row, which holds the update; no network, no Dexie): the floor under the fold | ${(rawPullMs / 1000).toFixed(2)} s | — |`,
      `| peak renderer JS heap during the pull | ${mb(peakHeapPull)} MiB | — |`,
      '',
      SYNC_FINDINGS,
    ].join('\n');
    // A profiled run is slowed by the profiler: its figures are printed, not recorded.
    if (!process.env.SYNC_BENCH_PROFILE) writeSection('docs/benchmarks.md', '## Sync', body);
    console.log(body);
  } finally {
    await county.stop();
    await rawCounty.stop();
  }
});
