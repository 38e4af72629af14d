/**
 * Every form is reachable from the main menu in two clicks (打印, then the form's preview
 * button), and from where the user is: a sealed list in 清单报送, an issue, a duty day.
 * Opening a preview never changes how the interface itself looks (the print fonts live
 * under their own family names).
 */
import { expect, test, type Page } from '@playwright/test';
import { pdfInfo, previewToPdf } from './printPdf';
import { SAMPLE_ISSUES } from './printSamples';
import { seedDutyDay, setUpStation } from './printSeed';
import { CloseDutyDayPage } from './pages/CloseDutyDayPage';
import { ReceptionPage, THREE_ISSUES, TWO_VISITORS } from './pages/ReceptionPage';
import { goOffline } from './support/offline';
import { openDutyDay } from './support/setup';

const LOOK_DIR = 'test-results/print-look';

/** Today's date at the station (Asia/Shanghai), where the picker's defaults point. */
function stationToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function seedToday(page: Page) {
  const deputies = await setUpStation(page);
  const today = stationToday();
  return seedDutyDay(page, deputies, today, [
    {
      receivedAt: `${today}T00:05:00.000+08:00`,
      visitors: [{ name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' }],
      issues: [
        { ...SAMPLE_ISSUES[1]!, handling: 'referToCounty' },
        { ...SAMPLE_ISSUES[0]!, handling: 'onSpot' },
      ],
    },
  ]);
}

/** Pixels that differ clearly (a channel by more than 48 of 255) between two PNGs of the same size, decoded in the page. */
async function differingPixels(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const decode = async (b64: string) => {
        // Decoded from bytes: the app's CSP does not let the page fetch data: URLs.
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      if (x.width !== y.width || x.height !== y.height) return Number.POSITIVE_INFINITY;
      let n = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if ([0, 1, 2].some((c) => Math.abs(x.data[i + c]! - y.data[i + c]!) > 48)) n++;
      }
      return n;
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

const menu = (page: Page) => page.getByRole('navigation', { name: '主菜单' });

async function expectPreview(page: Page, form: string) {
  await expect(page.getByRole('heading', { level: 1, name: `${form} · 打印预览` })).toBeVisible();
  const { pdf, previewPages } = await previewToPdf(page);
  expect(previewPages).toBeGreaterThan(0);
  expect(pdfInfo(pdf).pages).toBe(previewPages);
  await expect(page.locator('.print-root .warning')).toHaveCount(0);
}

test('打印 in the main menu: each of the four forms one more click away, no error on the way', async ({ page }) => {
  await seedToday(page);
  await page.goto('/');
  // A sealed list exists once the day's issues are sealed in 清单报送 (reached from the menu too).
  await menu(page).getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: /封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存', exact: true }).click();
  await expect(page.locator('.sync-table')).toContainText('〔');

  const forms = ['来访接待登记表', '问题清单', '问题交办反馈单', '公示清单'];
  for (const form of forms) {
    await menu(page).getByRole('link', { name: '打印' }).click(); // click 1
    await expect(page.getByRole('heading', { level: 1, name: '打印' })).toBeVisible();
    await expect(page.locator('.print-picker .warning')).toHaveCount(0);
    if (form === forms[0]) await page.screenshot({ path: `${LOOK_DIR}/picker.png`, fullPage: true });
    await page.getByRole('button', { name: `预览${form}` }).click(); // click 2
    await expectPreview(page, form);
    await page.screenshot({ path: `${LOOK_DIR}/menu-${form}.png` });
  }
  // The sealed list is the issue list preselected: its number is on the sheet.
  await menu(page).getByRole('link', { name: '打印' }).click();
  await page.getByRole('button', { name: '预览问题清单' }).click();
  await expect(page.locator('.sheet').first()).toContainText(/〔\d{4}〕第\d+号/);
});

test('print buttons where the user is: a sealed list, an issue', async ({ page }) => {
  await seedToday(page);
  await page.goto('/');
  await menu(page).getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: /封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存', exact: true }).click();
  await page.getByRole('link', { name: /^打印清单/ }).first().click();
  await expectPreview(page, '问题清单');

  await menu(page).getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: '查看问题' }).first().click();
  await page.getByRole('link', { name: new RegExp(SAMPLE_ISSUES[1]!.category) }).click();
  await page.getByRole('link', { name: '打印交办反馈单' }).click();
  await expectPreview(page, '问题交办反馈单');
  await expect(page.locator('.sheet').first()).toContainText(SAMPLE_ISSUES[1]!.summary);
});

test('the interface looks the same after a print preview: print fonts never stand in for its own', async ({ page }) => {
  await seedToday(page);
  await page.goto('/');
  await menu(page).getByRole('link', { name: '打印' }).click();
  const header = page.locator('.shell-header');
  const picker = page.locator('.print-choices');
  await expect(picker).toBeVisible();
  // Pictures are taken once the picker's records and the interface's fonts have loaded, the
  // pointer resting off the page, so nothing but the fonts could differ between them.
  const settled = async () => {
    await expect(page.getByRole('button', { name: '预览来访接待登记表' })).toBeEnabled();
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.mouse.move(1, 760);
  };
  // The station's name and the menu's links, not the whole header: the sync state beside
  // them changes by itself (正在同步… to 已同步) and once failed this check with 1,192 pixels.
  const menuBar = async () => {
    const bar = (await header.boundingBox())!;
    const lastLink = (await menu(page).getByRole('link').last().boundingBox())!;
    return page.screenshot({ clip: { x: bar.x, y: bar.y, width: Math.ceil(lastLink.x + lastLink.width - bar.x) + 2, height: bar.height } });
  };
  await settled();
  const before = { header: await menuBar(), picker: await picker.screenshot() };

  await page.getByRole('button', { name: '预览来访接待登记表' }).click();
  await expect(page.locator('.print-root[data-print-ready="true"]')).toBeVisible({ timeout: 30_000 });
  const families = await page.evaluate(() => [...new Set(Array.from(document.fonts, (f) => f.family.replace(/["']/g, '')))]);
  expect(families.length).toBeGreaterThan(0);
  // The interface asks for 'Noto Sans SC' first: no bundled face may answer to that name.
  for (const f of families) expect(['Station Print Serif', 'Station Print Sans']).toContain(f);

  await page.getByRole('button', { name: '返回' }).click();
  await expect(picker).toBeVisible();
  await settled();
  const after = { header: await menuBar(), picker: await picker.screenshot() };
  // Bold text would change thousands of pixels; a few may differ by anti-aliasing of form controls.
  expect(await differingPixels(page, before.header, after.header), 'menu bar unchanged').toBeLessThanOrEqual(20);
  expect(await differingPixels(page, before.picker, after.picker), 'picker unchanged').toBeLessThanOrEqual(20);
});

test('print buttons on the duty day: today\'s receptions while open, its sealed list and receptions once closed', async ({ page }) => {
  await setUpStation(page);
  await openDutyDay(page);
  await menu(page).getByRole('link', { name: '登记来访' }).click();
  const form = new ReceptionPage(page);
  await form.fillVisitor(1, TWO_VISITORS[0]!);
  await form.fillIssue(1, THREE_ISSUES[0]!);
  await form.saveAndConfirm(1);

  await menu(page).getByRole('link', { name: '今日接待' }).click();
  await page.getByRole('link', { name: '打印本日登记表' }).click();
  await expectPreview(page, '来访接待登记表');
  await expect(page.locator('.sheet').first()).toContainText(TWO_VISITORS[0]!.name);

  await menu(page).getByRole('link', { name: '今日接待' }).click();
  await page.getByRole('link', { name: '结束接待日' }).click();
  await new CloseDutyDayPage(page).confirmClose();
  // The closed day's result stays on screen only until one leaves it: both print links are there,
  // the day's receptions (the same day route as today's button above) and its sealed list.
  await expect(page.getByRole('link', { name: '打印本日来访接待登记表' })).toHaveAttribute('href', /#\/print\/reception\/day-/);
  // The day's issues were sealed into a numbered list: print it from here, no detour through 清单报送.
  await page.getByRole('link', { name: /^打印问题清单 〔\d{4}〕第\d+号$/ }).click();
  await expectPreview(page, '问题清单');
  await expect(page.locator('.sheet').first()).toContainText(THREE_ISSUES[0]!.summary);
});

test('the browser build says why a preview cannot be laid out when its fonts were never fetched and the network is gone', async ({ page, context }) => {
  await seedToday(page);
  await page.goto('/');
  await goOffline(page, context);
  await menu(page).getByRole('link', { name: '打印' }).click();
  await page.getByRole('button', { name: '预览来访接待登记表' }).click();
  await expect(page.locator('.print-root .warning')).toHaveText('打印用的字体没能加载（网络可能断开了），暂时不能打印。请在网络恢复后刷新本页再试。');
  await page.screenshot({ path: `${LOOK_DIR}/fonts-offline.png` });
});
