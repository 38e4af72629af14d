/**
 * The printed forms, end to end: data in the page's database, the print route laid out
 * with the bundled fonts, page.pdf() (the engine behind Electron's printToPDF) and
 * poppler-utils to check size, page count, fonts, text and ink.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { issueRefCode } from '../../shared/domain/masking';
import { inkPerPage, pdfFonts, pdfInfo, pdfText, printRouteToPdf, renderPng, type PdfFile } from './printPdf';
import { ENTERPRISES, SAMPLE_ISSUES, manyIssues } from './printSamples';
import { seedDutyDay, setUpStation } from './printSeed';

const LOOK_DIR = 'test-results/print-look';

/** Every request must stay on the app's own origin: forms load nothing remote. */
function watchOrigin(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}

function expectBundledFontsEmbedded(pdf: PdfFile) {
  const fonts = pdfFonts(pdf);
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts) expect(f, `font ${f.name} embedded`).toMatchObject({ embedded: true });
  const names = fonts.map((f) => f.name).join(' ');
  expect(names).toMatch(/NotoSerifSC/);
  expect(names).toMatch(/NotoSansSC/);
  // The system's Noto CJK must not stand in: every PC prints the same bundled glyphs.
  expect(names).not.toMatch(/CJK/);
}

function keepForLooking(pdf: PdfFile, name: string) {
  mkdirSync(LOOK_DIR, { recursive: true });
  for (const png of renderPng(pdf, name)) copyFileSync(png, `${LOOK_DIR}/${basename(png)}`);
}

test('reception form: A4 portrait, bundled fonts, visitor text printed literally, nothing remote', async ({ page, baseURL }) => {
  const foreign = watchOrigin(page, baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const deputies = await setUpStation(page);
  const hostile = '<script>alert(1)</script><img src=x onerror="window.__pwned=1">';
  const { receptionIds } = await seedDutyDay(page, deputies, '2026-03-01', [
    {
      receivedAt: '2026-03-01T10:05:00.000+08:00',
      visitors: [
        { name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' },
        { name: '刘敏', phone: '', enterprise: '椿森电子有限公司', position: '行政专员' },
      ],
      issues: [
        { ...SAMPLE_ISSUES[1]!, handling: 'referToCounty' },
        { ...SAMPLE_ISSUES[2]!, handling: 'stationFollowUp' },
        { ...SAMPLE_ISSUES[0]!, summary: `${hostile}板房款`, handling: 'onSpot' },
      ],
    },
  ]);

  const { pdf, previewPages } = await printRouteToPdf(page, `/print/reception/${receptionIds[0]}`);
  await page.screenshot({ path: `${LOOK_DIR}/reception-preview.png` });

  const info = pdfInfo(pdf);
  expect(info).toMatchObject({ width: 595, height: 842 });
  expect(info.pages).toBe(previewPages);
  expect(info.pages).toBe(1);
  expectBundledFontsEmbedded(pdf);

  const text = pdfText(pdf, undefined, 'flow');
  for (const s of ['来访接待登记表', '银湾科创产业园人大代表联络站', '辛志鹏', '13979612345', '张立强', '接待代表（签字）', '记录人（签字）', '第1页共1页']) {
    expect(text).toContain(s);
  }
  for (const s of [SAMPLE_ISSUES[1]!.summary, SAMPLE_ISSUES[2]!.request]) expect(text).toContain(s);
  // The narrow 办理方式 column wraps between the label's words: 当场答复 / 办结.
  expect(text).toMatch(/当场答复.*办结/);
  // The long hostile string wraps beside the next cell, so check its pieces.
  for (const piece of ['<script>alert(1)</script><img', 'src=x', 'onerror="window.__pwned=1">板房款']) expect(text).toContain(piece);
  expect(dialogs).toEqual([]);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('.sheet img').count()).toBe(0);
  expect(inkPerPage(pdf).every((dark) => dark > 500)).toBe(true);
  expect(foreign).toEqual([]);
  keepForLooking(pdf, 'reception');
});

test('issue list of 200 issues: landscape, header on every page, no row lost, preview page count', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const foreign = watchOrigin(page, baseURL!);
  const deputies = await setUpStation(page);
  const receptions = Array.from({ length: 10 }, (_, r) => ({
    receivedAt: `2026-03-15T${String(9 + Math.floor(r / 2)).padStart(2, '0')}:${r % 2 ? '30' : '00'}:00.000+08:00`,
    visitors: [{ name: `来访人${r}`, phone: '13807961234', enterprise: ENTERPRISES[r % ENTERPRISES.length]!, position: '总经理' }],
    issues: manyIssues(20, r * 20),
  }));
  const { dutyDayId } = await seedDutyDay(page, deputies, '2026-03-15', receptions);

  const { pdf, previewPages } = await printRouteToPdf(page, `/print/issueList/day-${dutyDayId}`);
  await page.screenshot({ path: `${LOOK_DIR}/issue-list-preview.png` });
  const info = pdfInfo(pdf);
  expect(info).toMatchObject({ width: 842, height: 595 });
  expect(info.pages).toBe(previewPages);
  expect(info.pages).toBeGreaterThan(5);
  expectBundledFontsEmbedded(pdf);

  const seqs = new Set<number>();
  for (let p = 1; p <= info.pages; p++) {
    const pageText = pdfText(pdf, p);
    for (const head of ['序号', '类别', '问题概述', '具体诉求', '办理方式', '建议承办单位', '来访企业']) expect(pageText, `page ${p}`).toContain(head);
    expect(pageText.replace(/\s+/g, '')).toContain(`第${p}页共${info.pages}页`);
    for (const m of pageText.matchAll(/^\s{0,6}(\d{1,3})\s/gm)) seqs.add(Number(m[1]));
  }
  expect([...seqs].filter((n) => n >= 1 && n <= 200).length).toBe(200);
  const all = pdfText(pdf, undefined, 'flow');
  for (let n = 1; n <= 200; n++) expect(all).toContain(`（第${String(n).padStart(3, '0')}件）`);
  expect(all).toContain('本清单共200个问题');
  expect(all).toContain('站长（签字）');
  expect(inkPerPage(pdf).every((dark) => dark > 500)).toBe(true);
  expect(foreign).toEqual([]);
  keepForLooking(pdf, 'issue-list');
});

test('public notice: masked names, no phone number, a reference code per item', async ({ page }) => {
  const deputies = await setUpStation(page);
  const { issueIds } = await seedDutyDay(page, deputies, '2026-03-01', [
    {
      receivedAt: '2026-03-01T09:20:00.000+08:00',
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      issues: [
        {
          ...SAMPLE_ISSUES[0]!,
          summary: '伍盛华反映板房款未付，联系电话138 0796 1234',
          onSpotAnswer: '已请县卫健委核实，结果电话告知伍盛华（13807961234）',
          handling: 'onSpot',
        },
      ],
    },
    {
      receivedAt: '2026-03-01T10:05:00.000+08:00',
      visitors: [
        { name: '欧阳娜娜', phone: '0791-86543210', enterprise: '欧阳娜娜五金店', position: '店主' },
        { name: '刘敏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '行政专员' },
      ],
      issues: [
        { ...SAMPLE_ISSUES[1]!, handling: 'referToCounty', status: 'responded' },
        { ...SAMPLE_ISSUES[3]!, handling: 'referToCounty' },
      ],
    },
  ]);

  const { pdf, previewPages } = await printRouteToPdf(page, '/print/notice/2026-03-01~2026-03-31');
  await page.screenshot({ path: `${LOOK_DIR}/notice-preview.png` });
  const info = pdfInfo(pdf);
  expect(info).toMatchObject({ width: 595, height: 842, pages: previewPages });
  expectBundledFontsEmbedded(pdf);
  const flat = pdfText(pdf, undefined, 'flow');
  expect(flat).not.toMatch(/\d{7}/);
  for (const secret of ['伍盛华', '欧阳娜娜', '刘敏', '13807961234', '0791-86543210', '13979612345']) expect(flat).not.toContain(secret);
  for (const shown of ['伍*', '欧阳*', '刘*', '[号码已隐去]', '合顺实业有限公司']) expect(flat).toContain(shown);
  // Handled issues only: the one still waiting for the county is not posted.
  expect(flat).toContain(issueRefCode(issueIds[0]![0]!));
  expect(flat).toContain(issueRefCode(issueIds[1]![0]!));
  expect(flat).not.toContain(issueRefCode(issueIds[1]![1]!));
  expect(flat).not.toContain(SAMPLE_ISSUES[3]!.summary);
  expect(inkPerPage(pdf).every((dark) => dark > 500)).toBe(true);
  keepForLooking(pdf, 'notice');
});

test('assignment forms: one A4 sheet per issue, several in one go, blanks for what the county has not sent', async ({ page }) => {
  const deputies = await setUpStation(page);
  const { issueIds } = await seedDutyDay(page, deputies, '2026-03-01', [
    {
      receivedAt: '2026-03-01T10:05:00.000+08:00',
      visitors: [{ name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' }],
      issues: [
        { ...SAMPLE_ISSUES[1]!, handling: 'referToCounty' },
        { ...SAMPLE_ISSUES[5]!, handling: 'referToCounty' },
      ],
    },
  ]);
  const { pdf, previewPages } = await printRouteToPdf(page, `/print/assignment/${issueIds[0]!.join(',')}`);
  await page.screenshot({ path: `${LOOK_DIR}/assignment-preview.png` });
  const info = pdfInfo(pdf);
  expect(info).toMatchObject({ width: 595, height: 842, pages: 2 });
  expect(previewPages).toBe(2);
  expectBundledFontsEmbedded(pdf);
  const first = pdfText(pdf, 1, 'flow');
  const second = pdfText(pdf, 2, 'flow');
  expect(first).toContain(SAMPLE_ISSUES[1]!.summary.replace(/\s+/g, ''));
  expect(second).toContain(SAMPLE_ISSUES[5]!.summary.replace(/\s+/g, ''));
  for (const s of ['问题交办反馈单', '承办单位', '办理时限', '办理情况及答复意见', '□满意', '第1页共1页']) expect(first).toContain(s);
  expect(inkPerPage(pdf).every((dark) => dark > 500)).toBe(true);
  keepForLooking(pdf, 'assignment');
});

test('a section title never ends a sheet without the table it heads', async ({ page }) => {
  test.setTimeout(120_000);
  const deputies = await setUpStation(page);
  // Twenty visitors each; in reception k the first k enterprises are long enough to wrap,
  // so the "反映问题" title lands a little lower on the sheet from one reception to the next
  // and crosses the foot of the first sheet somewhere in the run.
  const longName = '银湾科创产业园区三河镇富硒农业专业合作社联合社第二分社';
  const receptions = Array.from({ length: 24 }, (_, k) => ({
    receivedAt: `2026-03-01T${String(8 + Math.floor(k / 6)).padStart(2, '0')}:${String((k % 6) * 10).padStart(2, '0')}:00.000+08:00`,
    visitors: Array.from({ length: 20 }, (_, v) => ({
      name: `来访人${v + 1}`,
      phone: '',
      enterprise: v < k ? longName : ENTERPRISES[v % ENTERPRISES.length]!,
      position: '员工',
    })),
    issues: [
      { ...SAMPLE_ISSUES[1]!, handling: 'referToCounty' as const },
      { ...SAMPLE_ISSUES[2]!, handling: 'stationFollowUp' as const },
    ],
  }));
  const { receptionIds } = await seedDutyDay(page, deputies, '2026-03-01', receptions);
  const { pdf, previewPages } = await printRouteToPdf(page, `/print/reception/${receptionIds.join(',')}`);
  expect(pdfInfo(pdf).pages).toBe(previewPages);

  const sheets = page.locator('.sheet');
  const lastBlocks = await sheets.evaluateAll((all) => all.map((s) => s.querySelector('.sheet-body')?.lastElementChild?.textContent ?? ''));
  const firstBlocks = await sheets.evaluateAll((all) => all.map((s) => s.querySelector('.sheet-body')?.firstElementChild?.textContent ?? ''));
  expect(lastBlocks.filter((t) => t === '反映问题' || t === '来访人')).toEqual([]);
  // The run did reach the foot of a sheet: some sheets start with the title, its table under it.
  expect(firstBlocks).toContain('反映问题');
  // The sheets checked above are the PDF's pages (same count, one sheet per page).
  keepForLooking(pdf, 'reception-titles');
});
