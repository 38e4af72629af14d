/**
 * The county clerk's command line. Runs a command against the database directly, or —
 * when a running server holds the embedded database — through that server's local admin
 * route. Output in Chinese; exit 0 done, 1 refused, 2 usage error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig, type Config } from '../config.js';
import { DataFolderBusy } from '../db/dataLock.js';
import { openDatabase } from '../db/open.js';
import { ClerkError } from '../store/clerkError.js';
import { runCommand, type Command, type CommandResult } from '../store/commands.js';
import { formatResult } from './format.js';
import { USAGE, UsageError, parseCommand } from './parse.js';

interface ServerFile {
  pid: number;
  port: number;
  adminToken: string;
}

function runningServer(config: Config): ServerFile | null {
  if (config.databaseUrl) return null;
  const file = join(config.dataDir, 'server.json');
  if (!existsSync(file)) return null;
  const info = JSON.parse(readFileSync(file, 'utf8')) as ServerFile;
  try {
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null; // left behind by a server that crashed
  }
}

async function viaServer(server: ServerFile, cmd: Command): Promise<CommandResult> {
  const res = await fetch(`http://127.0.0.1:${server.port}/__admin/command`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-admin-token': server.adminToken },
    body: JSON.stringify(cmd),
  });
  const body = (await res.json()) as { ok?: boolean; result?: CommandResult; error?: { code: string; message: string } };
  if (body.ok === true && body.result) return body.result;
  if (body.ok === false && body.error) throw new ClerkError(body.error.code, body.error.message);
  throw new Error(`server answered ${res.status}: ${body.error?.message ?? 'no result'}`);
}

async function direct(config: Config, cmd: Command): Promise<CommandResult> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pool: config.pool });
  try {
    return await runCommand(db, cmd, new Date());
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let cmd: Command;
  try {
    cmd = parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err)) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  const config = readConfig();
  try {
    const server = runningServer(config);
    const result = server ? await viaServer(server, cmd) : await direct(config, cmd);
    console.log(formatResult(result));
    return 0;
  } catch (err) {
    if (err instanceof ClerkError) {
      console.error(`未完成: ${err.chinese}`);
      return 1;
    }
    if (err instanceof DataFolderBusy) {
      console.error(`未完成: 数据目录正被进程 ${err.pid} 使用(服务正在启动或另一条命令正在执行),请稍后再试。`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main(process.argv.slice(2));
