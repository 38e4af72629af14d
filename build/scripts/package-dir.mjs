#!/usr/bin/env node
// Builds the app and packages it as an unpacked Linux folder (dist/linux-unpacked) without
// downloading Electron: electron-builder is pointed at a folder holding a stub 'electron'
// file. The result has the real app.asar, so its contents can be checked offline; the
// stub binary does not run. The stub carries Electron's fuse wire (sentinel, version, and
// the fuses as Electron ships them), so electron-builder flips the fuses configured in
// electron-builder.yml on it by the same code path as on a real binary. Real installers (deb, AppImage, nsis) are built on a machine
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

/**
 * Electron's fuse wire: the sentinel @electron/fuses looks for, wire version 1, the number of
 * fuses, then one byte per fuse ('1' on, '0' off) in Electron's order: RunAsNode,
 * EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
 * GrantFileProtocolExtraPrivileges — with the values a freshly downloaded Electron has.
 */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
function standInFuseWire() {
  const shipped = '10110001';
  return Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, shipped.length]), Buffer.from(shipped), Buffer.from('\n')]);
}

if (!skipBuild) run('npx', ['electron-vite', 'build']);

const stubDist = mkdtempSync(join(tmpdir(), 'station-desk-electron-stub-'));
try {
  const stub = join(stubDist, 'electron');
  writeFileSync(stub, Buffer.concat([Buffer.from('#!/bin/sh\necho "stub Electron binary: packaging check only" >&2\nexit 1\n'), standInFuseWire()]));
  chmodSync(stub, 0o755);
  run('npx', ['electron-builder', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${stubDist}`, `-c.directories.output=${output}`]);
} finally {
  rmSync(stubDist, { recursive: true, force: true });
}
