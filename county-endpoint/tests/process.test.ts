/**
 * The real server process and the clerk CLI, end to end over HTTP: enrolment, push with
 * dropped connections before and after the commit, clerk commands routed through the
 * running server, updates, graceful shutdown, CLI on the stopped server's data, log hygiene.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponseSchema, updatesPath, updatesResponseSchema } from '../../shared/protocol/index.js';
import { CN_2026_CALENDAR } from '../../shared/domain/calendars/cn2026.js';
import { COUNTY_WEEKEND, workingDeadline } from '../src/store/calendar.js';
import { listItem, listPayload } from './support/fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const STATION = 'st-yzw-001';

describe('server process and clerk CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'county-proc-'));
  const env = { ...process.env, COUNTY_DATA_DIR: dataDir, PORT: '0', COUNTY_FAULTS: '1', LOG_LEVEL: 'info', DATABASE_URL: '' };
  let server: ChildProcess;
  let logs = '';
  let base = '';
  let token = '';

  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, env, encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const send = (path: string, init: RequestInit = {}) =>
    fetch(base + path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
  const pushBody = (items: unknown[]) => JSON.stringify({ protocolVersion: 1, stationId: STATION, items });

  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
    const file = join(dataDir, 'server.json');
    for (let i = 0; i < 600 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    const info = JSON.parse(readFileSync(file, 'utf8')) as { port: number };
    base = `http://127.0.0.1:${info.port}`;
  });
  afterAll(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('enrols a station through the running server and prints the token once', () => {
    const r = cli('enroll-station', '--id', STATION, '--name', '银湾科创产业园人大代表联络站');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已登记联络站');
    token = /令牌: (\S+)/.exec(r.out)?.[1] ?? '';
    expect(token).toMatch(/^sdt_/);
    const again = cli('enroll-station', '--id', STATION, '--name', '重复');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已登记');
    expect(cli('assign').code).toBe(2);
  });

  it('stores a list exactly once across dropped connections', async () => {
    const item = listItem(listPayload(['issue-proc-0001', 'issue-proc-0002']));
    await send('/__faults', { method: 'POST', body: JSON.stringify({ faults: [{ type: 'dropBeforeCommit', route: 'push' }, { type: 'dropAfterCommit', route: 'push' }] }) });
    await expect(send('/v1/push', { method: 'POST', body: pushBody([item]) })).rejects.toThrow();
    await expect(send('/v1/push', { method: 'POST', body: pushBody([item]) })).rejects.toThrow();
    const res = await send('/v1/push', { method: 'POST', body: pushBody([item]) });
    const [receipt] = pushResponseSchema.parse(await res.json()).receipts;
    // The drop before the commit stored nothing; the drop after it did: the third send is a duplicate.
    expect(receipt).toMatchObject({ status: 'duplicate', id: item.id, countyRef: 'JH-' + new Date().getFullYear() + '-000001' });
  });

  it('runs clerk commands against the running server and the station pulls them', async () => {
    expect(cli('list-issues', '--station', STATION).out).toContain('防疫期间代建移动板房费用');
    const assigned = cli('assign', 'issue-proc-0001', '--department', '县卫健委', '--days', '7');
    expect(assigned.code).toBe(0);
    expect(assigned.out).toContain('已交办');
    expect(cli('respond', 'issue-proc-0001', '--text', '已拨付板房建设款').code).toBe(0);
    expect(cli('publish', 'issue-proc-0001').code).toBe(0);
    const refused = cli('publish', 'issue-proc-0002');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('不能公示');
    const page = updatesResponseSchema.parse(await (await send(updatesPath(0))).json());
    expect(page.updates.map((u) => u.type)).toEqual(['assigned', 'responded', 'published']);
    // 7 working days on the county's calendar (seeded with 2026's holidays), to the end of that day.
    const expected = workingDeadline({ ...CN_2026_CALENDAR, weekend: COUNTY_WEEKEND }, new Date(page.updates[0]!.at), 7);
    expect(page.updates[0]!.deadline).toBe(expected.toISOString());
  });

  it('shuts down gracefully on SIGTERM and leaves the data folder to the CLI', async () => {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    const closed = cli('close', 'issue-proc-0001', '--note', '来访人满意');
    expect(closed.code).toBe(0);
    expect(closed.out).toContain('已销号');
  });

  it('never logged the token or a visitor phone number', () => {
    expect(logs).toContain('push stored');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('13807961234');
  });
});
