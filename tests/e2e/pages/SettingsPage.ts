/** Page model of "设置". */
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly heading: Locator;
  readonly stationSection: Locator;
  readonly rosterSection: Locator;
  readonly categoriesSection: Locator;
  readonly departmentsSection: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '设置', level: 1 });
    this.stationSection = page.getByRole('region', { name: '联络站信息' });
    this.rosterSection = page.getByRole('region', { name: '驻站代表名单' });
    this.categoriesSection = page.getByRole('region', { name: '问题类别' });
    this.departmentsSection = page.getByRole('region', { name: '承办单位' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/settings');
    await expect(this.heading).toBeVisible();
  }

  list(section: Locator): Locator {
    return section.getByRole('list');
  }

  entryNames(section: Locator): Locator {
    return section.locator('.entry-name');
  }

  async addEntry(section: Locator, name: string): Promise<void> {
    await section.getByLabel(/^新增/).fill(name);
    await section.getByLabel(/^新增/).press('Enter');
  }

  async renameEntry(section: Locator, from: string, to: string): Promise<void> {
    await section.getByRole('button', { name: `改名 ${from}` }).click();
    await section.getByLabel('新名称').fill(to);
    await section.getByRole('button', { name: '保存' }).click();
  }
}
