/**
 * Shared end-to-end steps through the real screens: first run and opening a duty day.
 * Any spec can start from a set-up station with an open duty day:
 *
 *   const roster = await completeFirstRun(page);
 *   await openDutyDay(page);                     // ticks every active deputy
 *   await openDutyDay(page, ['张立强', '王丽芬']); // or only these
 */
import type { Page } from '@playwright/test';
import { OpenDutyDayPage } from '../pages/OpenDutyDayPage';
import { SetupPage, type RosterRow, type StationDetails } from '../pages/SetupPage';
import { TodayPage } from '../pages/TodayPage';

export const SAMPLE_STATION: StationDetails = {
  name: '银湾科创产业园人大代表联络站',
  county: '江海区',
  town: '三河镇',
  head: '张立强',
};

export const SAMPLE_ROSTER: readonly RosterRow[] = [
  { name: '张立强', level: '市', unit: '银湾科创产业园运营管理有限公司', role: '站长' },
  { name: '王丽芬', level: '县', unit: '县人大常委会', role: '联络员' },
  { name: '郭晓蓉', level: '县', unit: '县园区管委会' },
  { name: '杨宏斌', level: '市', unit: '江海一禾粮油有限公司' },
];

/** The account first run creates (renderer/src/features/access). */
export const FIRST_ACCOUNT = { name: '王丽芬', pin: '135790' } as const;

/** Creates the station's first staff account on the screen that follows first-run setup. */
export async function createFirstAccount(page: Page, account: { name: string; pin: string } = FIRST_ACCOUNT): Promise<void> {
  await page.getByRole('heading', { name: '创建第一个账号' }).waitFor();
  await page.getByLabel('姓名').fill(account.name);
  await page.getByLabel('PIN 码（4 到 6 位数字）').fill(account.pin);
  await page.getByLabel('再次输入 PIN 码').fill(account.pin);
  await page.getByRole('button', { name: '创建账号并进入' }).click();
}

/** Fills the first-run screen on a fresh profile, creates the first account and waits for Today. Returns the roster used. */
export async function completeFirstRun(
  page: Page,
  opts: { station?: StationDetails; roster?: readonly RosterRow[] } = {},
): Promise<readonly RosterRow[]> {
  const roster = opts.roster ?? SAMPLE_ROSTER;
  const setup = new SetupPage(page);
  await setup.goto();
  await setup.fillStation(opts.station ?? SAMPLE_STATION);
  await setup.fillRoster(roster);
  await setup.save();
  await createFirstAccount(page);
  await new TodayPage(page).expectNoOpenDay();
  return roster;
}

/** Opens today's duty day with the named deputies (default: every active deputy) and waits for Today. */
export async function openDutyDay(page: Page, deputyNames?: readonly string[]): Promise<void> {
  const open = new OpenDutyDayPage(page);
  await open.goto();
  if (deputyNames) await open.tick(deputyNames);
  else await open.tickAll();
  await open.start();
  await new TodayPage(page).expectOpenDay();
}
