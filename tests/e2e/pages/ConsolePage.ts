/** Page model of the county console: sign in and out, and the main menu. */
import { expect, type Page } from '@playwright/test';
import type { ConsoleAccount } from '../consoleAccounts';

export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly countyUrl: string,
  ) {}

  /** The console's home address: the login screen when nobody is signed in. */
  async signIn(account: ConsoleAccount): Promise<void> {
    await this.page.goto(`${this.countyUrl}/console/`);
    await this.page.getByLabel('用户名').fill(account.username);
    await this.page.getByLabel('密码').fill(account.password);
    await this.page.getByRole('button', { name: '登录' }).click();
    await expect(this.page.getByText(account.displayName, { exact: false }).first()).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: '退出登录' }).click();
    await expect(this.page.getByRole('button', { name: '登录' })).toBeVisible();
  }

  async menu(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: label, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }
}
