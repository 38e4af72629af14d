/**
 * One process at a time may open an embedded (PGlite) data folder: two would corrupt it.
 * The holder's pid is written to <dataDir>/.lock with an exclusive create; a lock whose
 * process is gone (crash, power cut) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataFolderBusy extends Error {
  constructor(readonly pid: number) {
    super(`data folder is in use by process ${pid}`);
    this.name = 'DataFolderBusy';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DataFolderBusy; returns the release function. */
export function lockDataFolder(dataDir: string): () => void {
  const file = join(dataDir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) throw new DataFolderBusy(holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${file}`);
}
