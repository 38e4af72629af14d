/**
 * The REAL county endpoint for the sync end-to-end tests: spawned as its own process on a
 * free port with a fresh PGlite data folder and the fault hooks on (COUNTY_FAULTS=1), plus
 * the clerk CLI run against it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Playwright runs from the repository root.
const ROOT = join(process.cwd(), 'county-endpoint');

export interface FaultSpec {
  type: '500' | '503' | '429' | 'slow' | 'dropBeforeCommit' | 'dropAfterCommit' | 'malformed';
  route?: 'push' | 'updates' | 'ping' | 'any';
  times?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
  /** Only pushes carrying this item id take the fault. */
  itemId?: string;
}

export class CountyProcess {
  private child: ChildProcess | null = null;
  private port = 0;
  logs = '';
  private constructor(
    private readonly dataDir: string,
    private readonly databaseUrl: string = '',
  ) {}

  /** On embedded PGlite, or on PostgreSQL when a database URL is given. */
  static async start(opts: { databaseUrl?: string } = {}): Promise<CountyProcess> {
    const county = new CountyProcess(mkdtempSync(join(tmpdir(), 'county-e2e-')), opts.databaseUrl);
    await county.launch();
    return county;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      COUNTY_DATA_DIR: this.dataDir,
      // The same port after a restart, so the station's saved address stays right.
      PORT: String(this.port),
      COUNTY_FAULTS: '1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: this.databaseUrl,
      COUNTY_RATE_PER_MINUTE: '100000',
    };
  }

  private async launch(): Promise<void> {
    const file = join(this.dataDir, 'server.json');
    rmSync(file, { force: true });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: this.env(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (d: Buffer) => (this.logs += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.logs += d.toString()));
    this.child = child;
    for (let i = 0; i < 600 && !existsSync(file); i++) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`county endpoint exited: ${this.logs}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    this.port = (JSON.parse(readFileSync(file, 'utf8')) as { port: number }).port;
  }

  /** Kills the process at once (SIGKILL: no graceful finish), as a power cut would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    // PGlite's lock file of the dead process.
    rmSync(join(this.dataDir, '.lock'), { force: true });
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  cli(...args: string[]): { code: number | null; out: string; err: string } {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: this.env(), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  enroll(stationId: string, name: string): string {
    const r = this.cli('enroll-station', '--id', stationId, '--name', name);
    const token = /令牌: (\S+)/.exec(r.out)?.[1];
    if (r.code !== 0 || !token) throw new Error(`enroll failed: ${r.out} ${r.err}`);
    return token;
  }

  /** Issue ids the county holds for a station, one per stored issue (repeats would show). */
  issueIds(stationId: string): string[] {
    const r = this.cli('list-issues', '--station', stationId);
    return r.out.split('\n').flatMap((line) => /^(\S+) {2}〔/.exec(line)?.[1] ?? []);
  }

  /** A clerk command through the running server's local admin route (what the CLI does, without a process per call). */
  async admin(command: Record<string, unknown>): Promise<unknown> {
    const { adminToken } = JSON.parse(readFileSync(join(this.dataDir, 'server.json'), 'utf8')) as { adminToken: string };
    const res = await fetch(`${this.url}/__admin/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-admin-token': adminToken },
      body: JSON.stringify(command),
    });
    const body = (await res.json()) as { ok?: boolean; result?: unknown; error?: { message: string } };
    if (body.ok !== true) throw new Error(`admin command refused: ${body.error?.message ?? res.status}`);
    return body.result;
  }

  async faults(faults: FaultSpec[]): Promise<void> {
    const res = await fetch(`${this.url}/__faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
    if (!res.ok) throw new Error(`fault hook refused: ${res.status} ${await res.text()}`);
  }

  async clearFaults(): Promise<void> {
    const res = await fetch(`${this.url}/__faults`, { method: 'DELETE' });
    if (!res.ok) throw new Error(`fault hook refused: ${res.status}`);
  }

  async queuedFaults(): Promise<unknown[]> {
    return ((await (await fetch(`${this.url}/__faults`)).json()) as { queued: unknown[] }).queued;
  }
}
