/**
 * Starts the county endpoint: opens and migrates the database, listens on HOST:PORT, and
 * shuts down gracefully on SIGINT/SIGTERM (finish requests in flight, then close storage).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { buildApp } from './http/app.js';
import { issueSetupCode } from './store/consoleSetup.js';

export const SERVER_FILE = 'server.json';

const config = readConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pool: config.pool }).catch((err: unknown) => {
  console.error(`county endpoint: cannot open storage: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

// With the embedded database this process holds the data folder; the CLI finds it here
// and sends its commands to the admin route instead of opening the folder itself.
const adminToken = randomBytes(24).toString('base64url');
const app = await buildApp({ db, config, adminToken });

let serverFile: string | null = null;
try {
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // While the county has no console admin, a one-time code lets the first one be created
  // in the browser; it is shown only where the server's operator can read it.
  const setupCode = await issueSetupCode(db, new Date());
  mkdirSync(config.dataDir, { recursive: true });
  serverFile = join(config.dataDir, SERVER_FILE);
  // Written whole, then renamed into place: whoever waits for the file (the CLI, a test
  // harness) never reads it half-written.
  const partial = `${serverFile}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify({ pid: process.pid, port, adminToken, storage: db.kind, ...(setupCode ? { setupCode } : {}) }), { mode: 0o600 });
  renameSync(partial, serverFile);
  app.log.info({ storage: db.kind, faults: config.faults, port }, 'county endpoint ready');
  if (setupCode) {
    app.log.warn({ setupCode, console: `http://${config.host}:${port}/console/` }, 'no console admin yet: open the console and enter this one-time setup code');
  }
} catch (err) {
  app.log.error({ err }, 'could not start');
  await db.close();
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  try {
    await app.close();
    await db.close();
  } finally {
    if (serverFile) rmSync(serverFile, { force: true });
    process.exit(0);
  }
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
