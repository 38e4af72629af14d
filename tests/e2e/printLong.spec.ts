/**
 * Property test of the printed forms over random text lengths, up to the reception form's
 * own limits (shared/domain/schemas.ts: 概述 300, 诉求 and 现场答复 500, 类别 and 建议承办单位
 * 30, 企业 60, 姓名 and 职务 20 characters, 20 visitors and 30 issues a reception). Each
 * field is written in a character of its own, so the PDF's text can be counted field by
 * field: whatever the lengths, every character is printed exactly once, the PDF has as many
 * pages as the preview, nothing is drawn outside the printable area or over the footer, every
 * continuation sheet names its form, sign-offs share a sheet with rows, and no label word breaks.
 * Every form is reached from the home screen by clicking: 打印, then its preview button.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { HandlingMode } from '../../shared/domain/enums';
import { inkOutside, pdfInfo, pdfText, pdfWords, previewToPdf, renderPng, type PdfFile } from './printPdf';
import { seedDutyDay, setUpStation, type SeedReception } from './printSeed';

/** One character per field, found nowhere else on the forms. */
const CH = { summary: '鑫', word: 'q', request: '犇', answer: '骉', category: '垚', department: '焱', enterprise: '麟', name: '曌', position: '燚' } as const;
type Field = keyof typeof CH;

/** A text of one repeated character, sometimes with line breaks inside, its length biased to the limit. */
function textArb(ch: string, min: number, max: number): fc.Arbitrary<string> {
  return fc
    .record({
      n: fc.oneof(fc.constant(max), fc.integer({ min, max }), fc.integer({ min, max: Math.min(max, min + 12) })),
      breaks: fc.array(fc.nat(), { maxLength: 3 }),
    })
    .map(({ n, breaks }) => {
      const chars = Array.from({ length: n }, () => ch);
      for (const b of breaks) if (n > 2) chars[1 + (b % (n - 2))] = '\n';
      return chars.join('');
    });
}

const handlingArb = fc.constantFrom<HandlingMode>('onSpot', 'stationFollowUp', 'referToCounty');

const issueArb = fc
  .record({
    category: textArb(CH.category, 1, 30),
    summary: textArb(CH.summary, 1, 300),
    // An unbroken Latin word in some summaries: it must wrap inside its cell too.
    word: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 80 })),
    request: textArb(CH.request, 0, 500),
    onSpotAnswer: textArb(CH.answer, 1, 500),
    suggestedDepartment: textArb(CH.department, 0, 30),
    handling: handlingArb,
  })
  .map(({ word, summary, ...rest }) => ({ ...rest, summary: (summary + CH.word.repeat(word)).slice(0, 300).trim() || CH.summary }));

const visitorArb = fc.record({
  name: textArb(CH.name, 1, 20).map((s) => s.replace(/\n/g, CH.name)),
  phone: fc.constantFrom('', '13979612345', '0791-86543210', '0791-86543210-123456'),
  enterprise: textArb(CH.enterprise, 0, 60).map((s) => s.replace(/\n/g, CH.enterprise)),
  position: textArb(CH.position, 0, 20).map((s) => s.replace(/\n/g, CH.position)),
});

const receptionsArb = fc.array(
  fc.record({
    visitors: fc.oneof(fc.array(visitorArb, { minLength: 20, maxLength: 20 }), fc.array(visitorArb, { minLength: 1, maxLength: 3 })),
    issues: fc.oneof(fc.array(issueArb, { minLength: 1, maxLength: 3 }), fc.array(issueArb, { minLength: 12, maxLength: 30 })),
  }),
  { minLength: 1, maxLength: 2 },
);

type Gen = { visitors: SeedReception['visitors']; issues: Omit<SeedReception['issues'][number], 'status'>[] }[];

const count = (text: string, ch: string) => text.split(ch).length - 1;
const uniqueEnterprises = (r: Gen[number]) => [...new Set(r.visitors.map((v) => v.enterprise).filter(Boolean))].join('、');

/** How many times each field's character must appear on each form, from the generated records. */
function expected(gen: Gen): Record<string, Partial<Record<Field, number>>> {
  const add = (into: Partial<Record<Field, number>>, field: Field, text: string) => (into[field] = (into[field] ?? 0) + count(text, CH[field]));
  const forms: Record<string, Partial<Record<Field, number>>> = { 来访接待登记表: {}, 问题清单: {}, 问题交办反馈单: {}, 公示清单: {} };
  for (const r of gen) {
    for (const v of r.visitors) {
      for (const [f, t] of [['name', v.name], ['enterprise', v.enterprise], ['position', v.position]] as const) add(forms['来访接待登记表']!, f, t);
    }
    for (const i of r.issues) {
      const fields = [['category', i.category], ['summary', i.summary], ['word', i.summary], ['request', i.request], ['department', i.suggestedDepartment]] as const;
      for (const [f, t] of fields) add(forms['来访接待登记表']!, f, t);
      add(forms['来访接待登记表']!, 'answer', i.onSpotAnswer);
      for (const [f, t] of fields) add(forms['问题清单']!, f, t);
      add(forms['问题清单']!, 'enterprise', uniqueEnterprises(r));
      if (i.handling === 'referToCounty') {
        const a = forms['问题交办反馈单']!;
        for (const [f, t] of fields) add(a, f, t);
        add(a, 'answer', i.onSpotAnswer);
        add(a, 'enterprise', uniqueEnterprises(r));
        for (const v of r.visitors) {
          add(a, 'name', v.name);
          add(a, 'position', v.position);
        }
      }
      if (i.handling === 'onSpot') {
        const n = forms['公示清单']!;
        for (const [f, t] of [['category', i.category], ['summary', i.summary], ['word', i.summary], ['answer', i.onSpotAnswer]] as const) add(n, f, t);
        add(n, 'enterprise', uniqueEnterprises(r));
        // Names are posted masked (曌曌曌 → 曌*): one character each; a one-character name shows only '*'.
        n.name = (n.name ?? 0) + r.visitors.filter((v) => Array.from(v.name).length > 1).length;
      }
    }
  }
  return forms;
}

function stationToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

const MM = 72 / 25.4;

/** What the preview's DOM says about each sheet, checked in the browser. */
async function sheetFacts(page: Page) {
  return page.locator('.sheet').evaluateAll((sheets) =>
    sheets.map((sheet) => {
      const body = sheet.querySelector('.sheet-body')!;
      const last = body.lastElementChild;
      const words = Array.from(sheet.querySelectorAll<HTMLElement>('.word'));
      return {
        page: Number((sheet as HTMLElement).dataset.page),
        overflow: last ? last.getBoundingClientRect().bottom - body.getBoundingClientRect().bottom : 0,
        runningHead: sheet.querySelector('.running-head')?.textContent ?? null,
        reference: sheet.querySelector('.footer-ref')?.textContent ?? '',
        hasSignOff: !!sheet.querySelector('.form-closing, .seal-row'),
        rows: sheet.querySelectorAll('tbody tr').length,
        // A word on two lines has boxes at two heights (several boxes on one line are font runs).
        brokenWords: words.filter((w) => new Set(Array.from(w.getClientRects(), (r) => Math.round(r.bottom))).size > 1).map((w) => w.textContent),
        overhangingWords: words
          .filter((w) => {
            const cell = w.closest('th, td');
            return cell ? w.getBoundingClientRect().right > cell.getBoundingClientRect().right + 0.5 : false;
          })
          .map((w) => w.textContent),
      };
    }),
  );
}

async function checkForm(page: Page, form: string, want: Partial<Record<Field, number>>, look: string | null) {
  await page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '打印' }).click();
  const button = page.getByRole('button', { name: `预览${form}` });
  if (Object.values(want).every((n) => !n)) return; // nothing of this kind to print in this run
  await button.click();
  const { pdf, previewPages } = await previewToPdf(page);
  const info = pdfInfo(pdf);
  expect(info.pages, `${form}: PDF pages = preview pages`).toBe(previewPages);

  const text = pdfText(pdf, undefined, 'flow');
  for (const [field, n] of Object.entries(want)) expect(count(text, CH[field as Field]), `${form}: ${field}`).toBe(n);

  const landscape = info.width > info.height;
  expect(inkOutside(pdf, [15, 15, 12, 15]).every((dark) => dark === 0), `${form}: nothing outside the printable area`).toBe(true);
  // The footer takes the last 7 mm of the printable area: no field's text may reach into it.
  const footerTop = info.height - 12 * MM - 7 * MM;
  const fieldChars = new RegExp(`[${Object.values(CH).join('')}]`);
  const intruders = pdfWords(pdf).filter((w) => fieldChars.test(w.text) && w.yMax > footerTop + 0.5);
  expect(intruders, `${form}: text over the footer`).toEqual([]);

  const facts = await sheetFacts(page);
  expect(facts.length).toBe(previewPages);
  for (const f of facts) {
    expect(f.overflow, `${form} sheet ${f.page}: content past the sheet's foot`).toBeLessThanOrEqual(0.5);
    expect(f.brokenWords, `${form} sheet ${f.page}: label broken inside a word`).toEqual([]);
    expect(f.overhangingWords, `${form} sheet ${f.page}: label wider than its cell`).toEqual([]);
    if (f.page > 1) expect(f.runningHead).toBe(`${f.reference}（续）`);
    if (f.hasSignOff) expect(f.rows, `${form} sheet ${f.page}: sign-off without rows`).toBeGreaterThan(0);
  }
  // Each continuation page of the PDF carries its form's reference in the running head.
  for (const f of facts.filter((x) => x.page > 1).slice(0, 5)) {
    const index = facts.indexOf(f) + 1;
    expect(pdfText(pdf, index, 'flow')).toContain(`${f.reference}（续）`.replace(/\s+/g, ''));
  }
  if (look) keep(pdf, look, landscape);
}

/** Rendered pages kept for a person to look at. */
function keep(pdf: PdfFile, name: string, landscape: boolean) {
  mkdirSync(dirname(name), { recursive: true });
  renderPng(pdf, 'look', 50).forEach((png, i) => copyFileSync(png, `${name}${landscape ? '-l' : ''}-${i + 1}.png`));
}

async function runOnce(browser: Browser, baseURL: string, gen: Gen, look: string | null) {
  const context = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  try {
    const deputies = await setUpStation(page);
    const today = stationToday();
    await seedDutyDay(
      page,
      deputies,
      today,
      gen.map((r, k) => ({ ...r, receivedAt: `${today}T00:${String(10 + k).padStart(2, '0')}:00.000+08:00` })),
    );
    await page.goto('/');
    const want = expected(gen);
    for (const form of Object.keys(want)) await checkForm(page, form, want[form]!, look ? `${look}-${form}` : null);
  } finally {
    await context.close();
  }
}

test('forms print every character of any text the reception form accepts, page for page with the preview', async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const maxed: Gen = [
    {
      visitors: Array.from({ length: 20 }, () => ({ name: CH.name.repeat(20), phone: '0791-86543210-123456', enterprise: CH.enterprise.repeat(60), position: CH.position.repeat(20) })),
      issues: Array.from({ length: 30 }, (_, i) => ({
        category: CH.category.repeat(30),
        summary: CH.summary.repeat(220) + CH.word.repeat(80),
        request: CH.request.repeat(500),
        onSpotAnswer: CH.answer.repeat(500),
        suggestedDepartment: CH.department.repeat(30),
        handling: (['onSpot', 'stationFollowUp', 'referToCounty'] as const)[i % 3]!,
      })),
    },
  ];
  await runOnce(browser, baseURL!, maxed, 'test-results/print-look/maxed');
  await fc.assert(
    fc.asyncProperty(receptionsArb, async (gen) => runOnce(browser, baseURL!, gen, null)),
    { numRuns: Number(process.env.PRINT_PROPERTY_RUNS ?? 4), endOnFailure: true },
  );
});
