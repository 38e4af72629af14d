/**
 * A throw-away PostgreSQL server from Debian's binaries, in a temp folder (as the
 * `postgres` user when run as root): for the county's test suites, the county benchmark
 * and the console's end-to-end tests. Imports nothing but Node, so any runner can use it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function findBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort().reverse()) {
    const bin = join(root, v, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

export interface PostgresServer {
  /** Connection string of the `postgres` database, superuser `postgres`, trust auth. */
  url: string;
  stop(): void;
}

/** Starts a throw-away server in a temp folder (also used by the county benchmark); null when the binaries are missing. */
export async function startPostgresServer(settings: string[] = []): Promise<PostgresServer | null> {
  const bin = findBin();
  if (!bin) return null;
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'county-pg-'));
  const uid = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : -1;
  const gid = asRoot ? Number(execFileSync('id', ['-g', 'postgres']).toString().trim()) : -1;
  if (asRoot) chownSync(dir, uid, gid);
  const run = (cmd: string, args: string[]) => {
    const [c, a] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const r = spawnSync(c, a, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  const port = await freePort();
  const extra = settings.map((s) => ` -c ${s}`).join('');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra}`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

