/** Page model of "今日接待". */
import { expect, type Locator, type Page } from '@playwright/test';

export class TodayPage {
  readonly startDutyDayLink: Locator;
  readonly recordAnywayLink: Locator;
  readonly newReceptionLink: Locator;
  readonly closeDutyDayLink: Locator;
  readonly receptionTable: Locator;
  readonly onDutyLine: Locator;

  constructor(readonly page: Page) {
    this.startDutyDayLink = page.getByRole('link', { name: '开始今天的接待日' });
    this.recordAnywayLink = page.getByRole('link', { name: '直接登记来访' });
    this.newReceptionLink = page.getByRole('main').getByRole('link', { name: /登记来访 \(Ctrl\+N\)/ });
    this.closeDutyDayLink = page.getByRole('link', { name: '结束接待日' });
    this.receptionTable = page.getByRole('table', { name: /本接待日来访记录/ });
    this.onDutyLine = page.getByText(/在岗代表（\d+ 位）/);
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/');
  }

  /** Today's duty day was closed: Today says so and offers no second day for the same date. */
  async expectClosedToday(): Promise<void> {
    await expect(this.page.getByText(/的接待日已经结束/)).toBeVisible();
    await expect(this.startDutyDayLink).toHaveCount(0);
  }

  async expectNoOpenDay(): Promise<void> {
    await expect(this.startDutyDayLink).toBeVisible();
  }

  async expectOpenDay(): Promise<void> {
    await expect(this.closeDutyDayLink).toBeVisible();
    await expect(this.receptionTable).toBeVisible();
  }
}
