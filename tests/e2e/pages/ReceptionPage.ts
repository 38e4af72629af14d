/** Page model of the reception form ("登记来访" / "修改接待记录"). */
import { expect, type Locator, type Page } from '@playwright/test';

export interface VisitorData {
  name: string;
  phone?: string;
  enterprise?: string;
  position?: string;
}

export interface IssueData {
  category: string;
  summary: string;
  request?: string;
  onSpotAnswer?: string;
  handling: '当场答复办结' | '联络站协调' | '提请交办';
  department?: string;
}

export class ReceptionPage {
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly addIssueButton: Locator;
  readonly addVisitorButton: Locator;
  readonly errorSummary: Locator;
  readonly savedHeading: Locator;
  readonly draftBanner: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form');
    this.saveButton = page.getByRole('button', { name: /^保存/ });
    this.addIssueButton = page.getByRole('button', { name: /添加问题/ });
    this.addVisitorButton = page.getByRole('button', { name: /添加来访人/ });
    this.errorSummary = page.getByText(/处需要填写或修改/);
    this.savedHeading = page.getByRole('heading', { name: /已保存/ });
    this.draftBanner = page.getByText(/已恢复上次未保存的内容 \d\d:\d\d/);
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/#/reception/new');
    await expect(this.saveButton).toBeVisible();
  }

  async gotoEdit(id: string): Promise<void> {
    // Via Today, so that the screen opens afresh even when the window already shows this URL;
    // Today must have rendered first, or React may go straight to the same screen and keep it.
    await this.page.goto('/#/');
    await expect(this.page.getByRole('heading', { name: '今日接待', level: 1 })).toBeVisible();
    await this.page.goto(`/#/reception/${id}`);
    await expect(this.page.getByRole('heading', { name: '修改接待记录' })).toBeVisible();
  }

  visitor(n: number): Locator {
    return this.page.getByRole('group', { name: `来访人 ${n}`, exact: true });
  }

  issue(n: number): Locator {
    return this.page.getByRole('group', { name: `问题 ${n}`, exact: true });
  }

  /** The personal-data notice checkbox (个人信息告知同意), required to save. */
  get consent(): Locator {
    return this.page.getByRole('checkbox', { name: /已向来访人告知个人信息的使用方式/ });
  }

  /**
   * Fills a visitor. Filling the first one also ticks the consent checkbox, as the desk
   * does once the visitor has heard the notice; pass `consent: false` to leave it.
   */
  async fillVisitor(n: number, v: VisitorData, opts: { consent?: boolean } = {}): Promise<void> {
    if (n === 1 && opts.consent !== false) await this.agreeConsent();
    const row = this.visitor(n);
    await row.getByLabel('姓名').fill(v.name);
    if (v.phone !== undefined) await row.getByLabel('联系电话').fill(v.phone);
    if (v.enterprise !== undefined) await row.getByLabel('企业（单位）').fill(v.enterprise);
    if (v.position !== undefined) await row.getByLabel('职务').fill(v.position);
  }

  async fillIssue(n: number, i: IssueData): Promise<void> {
    const card = this.issue(n);
    await card.getByLabel('问题类别').selectOption(i.category);
    await card.getByRole('radio', { name: i.handling }).check();
    if (i.department !== undefined) await card.getByLabel('建议承办单位').fill(i.department);
    await card.getByLabel('问题概述').fill(i.summary);
    if (i.request !== undefined) await card.getByLabel('具体诉求').fill(i.request);
    if (i.onSpotAnswer !== undefined) await card.getByLabel('现场答复').fill(i.onSpotAnswer);
  }

  async addVisitor(v: VisitorData): Promise<void> {
    const before = await this.page.getByRole('group', { name: /^来访人 \d+$/ }).count();
    await this.addVisitorButton.click();
    await this.fillVisitor(before + 1, v);
  }

  async addIssue(i: IssueData): Promise<void> {
    const before = await this.page.getByRole('group', { name: /^问题 \d+$/ }).count();
    await this.addIssueButton.click();
    await this.fillIssue(before + 1, i);
  }

  /** Saves; ticks the consent checkbox first if it is there and unticked, unless `consent: false`. */
  async save(opts: { consent?: boolean } = {}): Promise<void> {
    if (opts.consent !== false) await this.agreeConsent();
    await this.saveButton.click();
  }

  async agreeConsent(): Promise<void> {
    if ((await this.consent.count()) > 0 && !(await this.consent.isChecked())) await this.consent.check();
  }

  /** Saves and waits for the confirmation; returns the saved reception's id from the "查看" link target. */
  async saveAndConfirm(issues: number): Promise<string> {
    await this.save();
    await expect(this.page.getByRole('heading', { name: new RegExp(`已保存 · ${issues} 个问题`) })).toBeVisible();
    const href = await this.page.getByRole('link', { name: '打印接待登记表' }).getAttribute('href');
    const id = /#\/print\/reception\/(.+)$/.exec(href ?? '')?.[1];
    if (!id) throw new Error(`No reception id in the print link: ${href}`);
    return id;
  }

  /** Records a reception through the form and returns its id. */
  async record(visitors: VisitorData[], issues: IssueData[]): Promise<string> {
    await this.gotoNew();
    await this.fillVisitor(1, visitors[0]!);
    for (const v of visitors.slice(1)) await this.addVisitor(v);
    await this.fillIssue(1, issues[0]!);
    for (const i of issues.slice(1)) await this.addIssue(i);
    return this.saveAndConfirm(issues.length);
  }

  /** Counts of stored records, read straight from IndexedDB. */
  async storedCounts(): Promise<{ receptions: number; issues: number; drafts: number }> {
    return this.page.evaluate(
      () =>
        new Promise<{ receptions: number; issues: number; drafts: number }>((resolve, reject) => {
          const open = indexedDB.open('station-desk');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['receptions', 'issues', 'drafts'], 'readonly');
            const counts = { receptions: 0, issues: 0, drafts: 0 };
            const r = tx.objectStore('receptions').count();
            const i = tx.objectStore('issues').count();
            const d = tx.objectStore('drafts').count();
            r.onsuccess = () => (counts.receptions = r.result);
            i.onsuccess = () => (counts.issues = i.result);
            d.onsuccess = () => (counts.drafts = d.result);
            tx.oncomplete = () => {
              db.close();
              resolve(counts);
            };
            tx.onerror = () => reject(tx.error ?? new Error('tx failed'));
          };
        }),
    );
  }
}

export const TWO_VISITORS: VisitorData[] = [
  { name: '辛志鹏', phone: '13979612345', enterprise: '椿森电子有限公司', position: '部门经理' },
  { name: '刘敏', position: '行政专员' },
];

export const THREE_ISSUES: IssueData[] = [
  {
    category: '安全生产',
    summary: '厂区西门地面塌陷，一条地缆线裸露在外',
    request: '尽快修复路面并对线缆做防护',
    handling: '提请交办',
    department: '县园区管委会',
  },
  {
    category: '环境卫生',
    summary: '工业垃圾与生活垃圾界定不清，清运收费标准未建立',
    request: '明确工业垃圾收费标准',
    handling: '联络站协调',
  },
  {
    category: '用工招聘',
    summary: '普工招聘难，希望园区组织专场招聘会',
    onSpotAnswer: '园区人力资源服务站每月 15 日举办招聘会，已告知报名方式',
    handling: '当场答复办结',
  },
];
