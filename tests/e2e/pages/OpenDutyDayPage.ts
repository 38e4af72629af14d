/** Page model of "开始接待日". */
import { expect, type Locator, type Page } from '@playwright/test';

export class OpenDutyDayPage {
  readonly heading: Locator;
  readonly startButton: Locator;
  readonly understaffedWarning: Locator;
  readonly dateInput: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '开始接待日' });
    this.startButton = page.getByRole('button', { name: '开始接待' });
    this.understaffedWarning = page.getByText(/在岗代表只有 \d+ 位，少于规定的 3 位/);
    this.dateInput = page.getByLabel('接待日期');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/duty/open');
    await expect(this.heading).toBeVisible();
  }

  deputy(name: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  }

  async tick(names: readonly string[]): Promise<void> {
    for (const name of names) await this.deputy(name).check();
  }

  /** Ticks every deputy listed (the active roster). */
  async tickAll(): Promise<void> {
    const boxes = this.page.getByRole('checkbox');
    // The roster is read after the page shows: wait for it before counting.
    await expect(boxes.first()).toBeVisible();
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }

  async start(): Promise<void> {
    await this.startButton.click();
  }
}
