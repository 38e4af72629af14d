/**
 * Peak resident memory (Linux /proc, VmHWM) of the Chromium processes a benchmark's
 * browser started. Unlike the page's JavaScript heap figure, the renderer's includes
 * everything that process held (ArrayBuffers, streams, IndexedDB's renderer side); the
 * browser process holds Blob contents and, in Chromium, IndexedDB's backing store.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeaks {
  /** Highest VmHWM among the renderers, MB; null if none was found. */
  rendererMb: number | null;
  /** The browser process's VmHWM, MB; null if not found. */
  browserMb: number | null;
}

/** Peaks of the processes whose command line names `profileDir` as their user data directory. */
export function processPeaks(profileDir: string): ProcessPeaks {
  const peaks: ProcessPeaks = { rendererMb: null, browserMb: null };
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // Zygote-forked renderers rewrite their command line as one space-separated string.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]+/);
      if (!cmd.includes(`--user-data-dir=${profileDir}`)) continue;
      const kind = cmd.includes('--type=renderer') ? 'rendererMb' : cmd.some((a) => a.startsWith('--type=')) ? null : 'browserMb';
      if (!kind) continue;
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peaks[kind] = Math.max(peaks[kind] ?? 0, Number(hwm[1]) / 1024);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return peaks;
}
