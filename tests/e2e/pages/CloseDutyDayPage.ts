/** Page model of "结束接待日". */
import { expect, type Locator, type Page } from '@playwright/test';

export class CloseDutyDayPage {
  readonly heading: Locator;
  readonly closeButton: Locator;
  readonly dialog: Locator;
  readonly doneHeading: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '结束接待日', level: 1 });
    this.closeButton = page.getByRole('main').getByRole('button', { name: '结束接待日' });
    this.dialog = page.getByRole('dialog', { name: '确定结束今天的接待日吗？' });
    this.doneHeading = page.getByRole('heading', { name: '接待日已结束' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/duty/close');
    await expect(this.heading).toBeVisible();
  }

  /** The value shown under a summary total, e.g. total('收集问题') → "0 个". */
  total(label: string): Locator {
    return this.page.locator('.summary-grid div', { hasText: label }).locator('dd');
  }

  async confirmClose(): Promise<void> {
    await this.closeButton.click();
    await expect(this.dialog).toBeVisible();
    await this.dialog.getByRole('button', { name: '确定结束' }).click();
    await expect(this.doneHeading).toBeVisible();
  }
}
