#!/usr/bin/env node
// Builds the app and packages it as an unpacked Linux folder (dist/linux-unpacked) without
// downloading Electron: electron-builder is pointed at a folder holding a stub 'electron'
// file. The result has the real app.asar, so its contents can be checked offline; the
// stub binary does not run. Real installers (deb, AppImage, nsis) are built on a machine
// that can fetch Electron: `npx electron-builder --linux` / `--win`.
//
// Usage: node build/scripts/package-dir.mjs [--output <folder>] [--skip-build]
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const outputIndex = args.indexOf('--output');
const output = outputIndex >= 0 ? args[outputIndex + 1] : 'dist';
const skipBuild = args.includes('--skip-build');

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (result.status !== 0) {
    console.error(`${command} ${commandArgs.join(' ')} failed with status ${result.status}`);
    process.exit(result.status ?? 1);
  }
}

if (!skipBuild) run('npx', ['electron-vite', 'build']);

const stubDist = mkdtempSync(join(tmpdir(), 'station-desk-electron-stub-'));
try {
  const stub = join(stubDist, 'electron');
  writeFileSync(stub, '#!/bin/sh\necho "stub Electron binary: packaging check only" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  run('npx', ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stubDist}`, `-c.directories.output=${output}`]);
} finally {
  rmSync(stubDist, { recursive: true, force: true });
}
