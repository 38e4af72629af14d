/** Page model of the first-run screen. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface StationDetails {
  name: string;
  county: string;
  town: string;
  head?: string;
}

export interface RosterRow {
  name: string;
  level: '全国' | '省' | '市' | '县' | '区' | '镇';
  unit?: string;
  role?: string;
}

export class SetupPage {
  readonly heading: Locator;
  readonly saveButton: Locator;
  readonly addDeputyButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '首次使用设置' });
    this.saveButton = page.getByRole('button', { name: '保存，开始使用' });
    this.addDeputyButton = page.getByRole('button', { name: '再添加一位代表' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  async fillStation(s: StationDetails): Promise<void> {
    await this.page.getByLabel('联络站名称').fill(s.name);
    await this.page.getByLabel('所属县（区）').fill(s.county);
    await this.page.getByLabel('所属镇（街道）').fill(s.town);
    if (s.head !== undefined) await this.page.getByLabel('站长姓名').fill(s.head);
  }

  row(index: number): Locator {
    return this.page.locator('.roster-row').nth(index);
  }

  async fillRoster(rows: readonly RosterRow[]): Promise<void> {
    for (const [index, d] of rows.entries()) {
      if (index > 0) await this.addDeputyButton.click();
      const row = this.row(index);
      await row.getByLabel(`第 ${index + 1} 位代表姓名`).fill(d.name);
      await row.getByLabel('代表层级').selectOption(d.level);
      if (d.unit) await row.getByLabel('工作单位').fill(d.unit);
      if (d.role) await row.getByLabel('站内职务').fill(d.role);
    }
  }

  async save(): Promise<void> {
    await this.saveButton.click();
  }
}
