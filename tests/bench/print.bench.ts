/**
 * Time to produce the 200-issue issue list as PDF through the print route (load from
 * IndexedDB, fonts for the text, measure, paginate, page.pdf) against page.pdf() of a
 * plain HTML table holding the same text, in the same browser and run.
 */
import { test } from '@playwright/test';
import { inkPerPage, pdfInfo } from '../e2e/printPdf';
import { ENTERPRISES, manyIssues } from '../e2e/printSamples';
import { seedDutyDay, setUpStation } from '../e2e/printSeed';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

test('print: 200-issue list as PDF vs a plain HTML table', async ({ page }) => {
  const deputies = await setUpStation(page);
  const issues = Array.from({ length: 10 }, (_, r) => manyIssues(20, r * 20));
  const { dutyDayId } = await seedDutyDay(
    page,
    deputies,
    '2026-03-15',
    issues.map((list, r) => ({
      receivedAt: `2026-03-15T${String(9 + r).padStart(2, '0')}:00:00.000+08:00`,
      visitors: [{ name: `来访人${r}`, phone: '', enterprise: ENTERPRISES[r % ENTERPRISES.length]!, position: '' }],
      issues: list,
    })),
  );

  const dir = mkdtempSync(join(tmpdir(), 'print-bench-'));
  const route: number[] = [];
  let routePages = 0;
  for (let i = 0; i < RUNS; i++) {
    await page.goto('/#/');
    const t0 = performance.now();
    await page.goto(`/#/print/issueList/day-${dutyDayId}`);
    await page.locator('.print-root[data-print-ready="true"]').waitFor({ timeout: 60_000 });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    route.push(performance.now() - t0);
    await page.emulateMedia({ media: 'screen' });
    writeFileSync(join(dir, 'route.pdf'), pdf);
    routePages = pdfInfo({ path: join(dir, 'route.pdf'), dir }).pages;
  }

  const rows = issues
    .flat()
    .map((x, i) => `<tr><td>${i + 1}</td><td>${x.category}</td><td>${escapeHtml(x.summary)}</td><td>${escapeHtml(x.request)}</td><td>提请交办</td><td>${x.suggestedDepartment}</td><td>${ENTERPRISES[Math.floor(i / 20) % ENTERPRISES.length]}</td></tr>`)
    .join('');
  const html = `<!doctype html><meta charset="utf-8"><style>@page{size:A4 landscape;margin:15mm}table{border-collapse:collapse;width:100%}td{border:1px solid #000;padding:2px}</style><table><thead><tr><th>序号</th><th>类别</th><th>问题概述</th><th>具体诉求</th><th>办理方式</th><th>建议承办单位</th><th>来访企业</th></tr></thead><tbody>${rows}</tbody></table>`;
  const plain: number[] = [];
  let plainPages = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await page.setContent(html);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    plain.push(performance.now() - t0);
    writeFileSync(join(dir, 'plain.pdf'), pdf);
    plainPages = pdfInfo({ path: join(dir, 'plain.pdf'), dir }).pages;
  }
  inkPerPage({ path: join(dir, 'route.pdf'), dir });

  const result = {
    runs: RUNS,
    printRouteMs: { median: Math.round(median(route)), min: Math.round(Math.min(...route)), max: Math.round(Math.max(...route)), pages: routePages },
    plainTableMs: { median: Math.round(median(plain)), min: Math.round(Math.min(...plain)), max: Math.round(Math.max(...plain)), pages: plainPages },
  };
  console.log(`PRINT BENCH ${JSON.stringify(result)}`);
});
