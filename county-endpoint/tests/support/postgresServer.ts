/**
 * Global setup: starts a throw-away PostgreSQL server from Debian's binaries for the
 * real-PostgreSQL runs of the storage suites. When the binaries are missing the reason is
 * passed on and those suites FAIL (CI installs postgresql; skipping would hide a gap).
 * As root, the server runs as the `postgres` user in a temp folder it owns.
 */
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './startPostgres.js';

export { startPostgresServer, type PostgresServer } from './startPostgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgError: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgresServer();
  if (!server) {
    project.provide('pgUrl', null);
    project.provide('pgError', 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (install the postgresql package)');
    return () => undefined;
  }
  project.provide('pgUrl', server.url);
  project.provide('pgError', null);
  return () => server.stop();
}
