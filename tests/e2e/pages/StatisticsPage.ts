/** Page model of "统计": period, totals, the charts' tables, 台账 exports and the printed 统计报表. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class StatisticsPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('.stats-root');
  }

  /** Opens 统计 from the main menu and waits until the numbers are counted. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '统计', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: '统计', level: 1 })).toBeVisible();
    await this.ready();
  }

  async ready(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-stats-ready', /.+/, { timeout: 20_000 });
    const period = await this.root.getAttribute('data-period');
    await expect(this.root).toHaveAttribute('data-stats-ready', period ?? '');
  }

  /**
   * Waits until the screen says the print fonts are in, and checks that they really are:
   * every face the report prints in has every character of the report loaded.
   */
  async printFontsReady(): Promise<void> {
    await expect(this.root).toHaveAttribute('data-fonts-ready', 'true');
    const missing = await this.root.locator('.stats-sheet').evaluate((sheet) => {
      const text = sheet.textContent ?? '';
      const faces = ['400 16px "Station Print Serif"', '700 16px "Station Print Serif"', '700 16px "Station Print Sans"'];
      return faces.filter((face) => !document.fonts.check(face, text));
    });
    expect(missing, 'print faces without every character of the report').toEqual([]);
  }

  async choosePeriodKind(label: '按月' | '按季度' | '按年' | '自定义'): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
    await this.ready();
  }

  async total(key: 'receptions' | 'visitors' | 'enterprises' | 'issues'): Promise<number> {
    return Number(await this.root.locator(`[data-total="${key}"]`).textContent());
  }

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption, exact: true });
  }

  /** The cells of the row whose head is `rowHead`, as text. */
  async row(caption: string, rowHead: string): Promise<string[]> {
    const row = this.table(caption).getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: rowHead, exact: true }) });
    return row.getByRole('cell').allTextContents();
  }

  /** Clicks a 台账 button and returns the downloaded file (browser flavour). */
  async exportLedger(name: '来访接待登记台账' | '问题台账' | '代表履职台账'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name, exact: true }).click();
    const file = await download;
    await expect(this.page.getByRole('status').filter({ hasText: `${name}已导出` })).toBeVisible();
    return file;
  }
}
