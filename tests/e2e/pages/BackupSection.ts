/** Page model of 设置 → 备份与恢复 and the restore steps (also offered on the first-run screen). */
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class BackupSection {
  readonly section: Locator;
  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: '备份与恢复' });
  }

  /** From anywhere in the app: the main menu's 设置, then the section. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '设置' }).click();
    await this.section.scrollIntoViewIfNeeded();
    await expect(this.section.getByRole('heading', { name: '备份与恢复' })).toBeVisible();
  }

  async setPassword(password: string): Promise<void> {
    await this.section.getByLabel('新的备份密码').fill(password);
    await this.section.getByLabel('再输入一次').fill(password);
    await this.section.getByRole('button', { name: '保存备份密码' }).click();
    await expect(this.section.getByText('备份密码已保存。')).toBeVisible({ timeout: 30_000 });
  }

  /** 备份到… in the browser flavour: the file arrives as a download. */
  async backupToDownload(): Promise<Download> {
    const downloading = this.page.waitForEvent('download');
    await this.section.getByRole('button', { name: '备份到…' }).click();
    const download = await downloading;
    await expect(this.section.getByText(/^备份完成：/)).toBeVisible({ timeout: 30_000 });
    return download;
  }
}

/** The restore steps inside `scope` (the settings section or the first-run box). */
export class RestoreSteps {
  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {}

  async pickFile(path: string): Promise<void> {
    await this.scope.getByLabel('备份文件').setInputFiles(path);
  }

  async inspect(password: string): Promise<void> {
    await this.scope.getByLabel('备份密码', { exact: true }).fill(password);
    await this.scope.getByRole('button', { name: '查看备份内容' }).click();
  }

  get summary(): Locator {
    return this.scope.getByRole('region', { name: '备份内容' });
  }

  get problem(): Locator {
    return this.scope.getByRole('alert');
  }
}
