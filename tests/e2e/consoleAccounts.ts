/**
 * The county console for the end-to-end tests: a build of the console app served by the
 * real county process, and its first accounts (admin from the one-time setup code, a
 * department, a clerk and a department user with their own passwords) made through the
 * console's own API, as an admin would on the first day.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { CountyProcess } from './syncCounty';

/** Builds the console once into a temp folder and has every county process started after this serve it. */
export function buildConsole(): void {
  if (process.env.COUNTY_CONSOLE_DIR) return;
  const out = mkdtempSync(join(tmpdir(), 'county-console-'));
  const r = spawnSync('npx', ['vite', 'build', '--config', 'county-endpoint/console/vite.config.mts'], {
    env: { ...process.env, COUNTY_CONSOLE_OUT: out },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`console build failed: ${r.stdout} ${r.stderr}`);
  process.env.COUNTY_CONSOLE_DIR = out;
}

export interface ConsoleAccount {
  username: string;
  password: string;
  displayName: string;
}

class ApiSession {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async call<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${this.base}/console/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie, 'x-csrf-token': this.csrf } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const json = (await res.json()) as T & { csrfToken?: string; error?: { message: string } };
    if (!res.ok) throw new Error(`${path}: ${res.status} ${json.error?.message ?? ''}`);
    if (json.csrfToken) this.csrf = json.csrfToken;
    return json;
  }
}

/** The first admin, made with the setup code. */
export const ADMIN: ConsoleAccount = { username: 'admin01', password: 'Guanli-2026-admin!', displayName: '系统管理员' };
export const CLERK: ConsoleAccount = { username: 'clerk01', password: 'Xuanlian-2026!', displayName: '王晓梅' };
export const HOUSING: ConsoleAccount = { username: 'zhujian01', password: 'Zhujian-2026!', displayName: '陈建国' };
export const HOUSING_NAME = '县住建局';

/** Admin, 县住建局, a clerk and a 县住建局 user, each with the password above (no first-login change pending). */
export async function createConsoleAccounts(county: CountyProcess): Promise<void> {
  await expect.poll(() => /"setupCode":"([^"]+)"/.exec(county.logs)?.[1] ?? '', { timeout: 10_000 }).not.toBe('');
  const code = /"setupCode":"([^"]+)"/.exec(county.logs)![1]!;
  const admin = new ApiSession(county.url);
  await admin.call('/setup', { code, username: ADMIN.username, displayName: ADMIN.displayName });
  await admin.call('/password', { current: code, next: ADMIN.password });
  const { department } = await admin.call<{ department: { id: string } }>('/departments', { name: HOUSING_NAME });
  const first = 'First-pass-2026!';
  await admin.call('/users', { username: CLERK.username, displayName: CLERK.displayName, role: 'clerk', password: first });
  await admin.call('/users', { username: HOUSING.username, displayName: HOUSING.displayName, role: 'department', departmentId: department.id, password: first });
  for (const account of [CLERK, HOUSING]) {
    const s = new ApiSession(county.url);
    await s.call('/login', { username: account.username, password: first });
    await s.call('/password', { current: first, next: account.password });
  }
}
