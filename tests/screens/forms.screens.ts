/**
 * Sample pages of the four printed forms for docs/forms.md, reached the way staff reach
 * them (打印 in the main menu, then the form) and rendered from the PDF the preview prints:
 * `npm run screenshots` writes docs/forms/*.png.
 */
import { copyFileSync } from 'node:fs';
import { test, type Page } from '@playwright/test';
import { previewToPdf, renderPng } from '../e2e/printPdf';
import { SAMPLE_ISSUES } from '../e2e/printSamples';
import { seedDutyDay, setUpStation } from '../e2e/printSeed';

const LONG_REQUEST =
  '园区三期道路两侧约1.2公里路段至今没有路灯,企业夜班员工上下班只能借助手机照明,去年冬季已发生两起电动车与货车剐蹭事故。' +
  '企业曾多次向园区物业反映,物业答复路灯建设属于园区基础设施,需要管委会立项;管委会工作人员答复已列入计划,但一直没有明确时间。' +
  '请县园区管委会明确三期道路路灯建设的时间表,在路灯建成前先在主要路口设置临时照明和警示标志,并协调交警部门在夜班上下班时段加强巡查;' +
  '同时请供电公司配合核实三期道路沿线的电力接入条件,避免路灯建成后因接电问题长期不能使用。';

async function page1And2(page: Page, name: string, pages: number[]) {
  const { pdf } = await previewToPdf(page);
  const pngs = renderPng(pdf, 'sample', 80);
  for (const p of pages) if (pngs[p - 1]) copyFileSync(pngs[p - 1]!, `docs/forms/${name}-${p}.png`);
}

test('sample pages of the printed forms', async ({ page }) => {
  test.setTimeout(180_000);
  const deputies = await setUpStation(page);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await seedDutyDay(page, deputies, today, [
    {
      receivedAt: `${today}T09:20:00.000+08:00`,
      visitors: [
        { name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' },
        { name: '欧阳娜娜', phone: '0791-86543210', enterprise: '椿森电子有限公司', position: '行政专员' },
      ],
      issues: [
        { ...SAMPLE_ISSUES[1]!, request: LONG_REQUEST, handling: 'referToCounty' },
        { ...SAMPLE_ISSUES[2]!, handling: 'stationFollowUp' },
        { ...SAMPLE_ISSUES[0]!, onSpotAnswer: '代表当场联系县卫健委,已确认款项本月底前拨付,辛志鹏表示认可', handling: 'onSpot' },
      ],
    },
    {
      receivedAt: `${today}T10:40:00.000+08:00`,
      visitors: [{ name: '伍盛华', phone: '13807961234', enterprise: '合顺实业有限公司', position: '总经理' }],
      issues: Array.from({ length: 14 }, (_, i) => ({ ...SAMPLE_ISSUES[(i + 3) % SAMPLE_ISSUES.length]!, handling: 'referToCounty' as const })),
    },
  ]);
  await page.goto('/');
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: '清单报送' }).click();
  await page.getByRole('button', { name: /封存未归档问题/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '封存', exact: true }).click();
  await page.locator('.sync-table').waitFor();

  const forms: [string, string, number[]][] = [
    ['来访接待登记表', 'reception', [1]],
    ['问题清单', 'issue-list', [1, 2]],
    ['问题交办反馈单', 'assignment', [1]],
    ['公示清单', 'notice', [1]],
  ];
  for (const [form, name, pages] of forms) {
    await menu.getByRole('link', { name: '打印' }).click();
    if (form === '来访接待登记表') await page.screenshot({ path: 'docs/forms/picker.png' });
    await page.getByRole('button', { name: `预览${form}` }).click();
    await page1And2(page, name, pages);
  }
});
