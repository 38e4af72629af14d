/**
 * Packages the app (build + electron-builder --linux dir with a stub Electron binary) into a
 * temp folder and checks what app.asar ships: the compiled app, and nothing else — no
 * sources, tests, county endpoint or node_modules — and that the packaged binary's Electron
 * fuses were flipped as configured (the stand-in binary carries Electron's fuse wire, so the
 * same electron-builder step runs as on a real one). Slow (~20 s on two cores) but bounded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support';

const out = tempDir('station-desk-package-');
let entries: string[] = [];
let asarPath = '';

beforeAll(() => {
  const result = spawnSync('node', ['build/scripts/package-dir.mjs', '--output', out.path], { encoding: 'utf8', timeout: 240_000 });
  if (result.status !== 0) throw new Error(`packaging failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  asarPath = join(out.path, 'linux-unpacked', 'resources', 'app.asar');
  entries = listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
}, 300_000);

afterAll(() => out.remove());

describe('packaged app (linux dir)', () => {
  it('produces the executable and app.asar', () => {
    expect(existsSync(join(out.path, 'linux-unpacked', 'station-desk'))).toBe(true);
    expect(existsSync(asarPath)).toBe(true);
  });

  it('ships main, preload and renderer', () => {
    expect(entries).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']));
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
  });

  it("ships the renderer minified (a station PC compiles less at every start)", () => {
    const scripts = entries.filter((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e));
    const text = scripts.map((e) => extractFile(asarPath, e.slice(1)).toString('utf8')).join('\n');
    const lines = text.split('\n').length;
    // Unminified, rolldown's output keeps the sources' lines (tens of characters each, about 40,000 lines).
    expect(text.length / lines).toBeGreaterThan(1_000);
  });

  it('ships no sources, tests, county endpoint, node_modules or browser builds', () => {
    const forbidden = entries.filter((e) =>
      /^\/(electron|renderer|shared|tests|county-endpoint|node_modules|docs|build|out\/browser[^/]*)(\/|$)|\.(ts|tsx|map)$/.test(e),
    );
    expect(forbidden).toEqual([]);
  });

  it('ships package.json pointing at the bundled main', () => {
    const asarPkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as { main: string; productName: string };
    expect(asarPkg.main).toBe('out/main/index.js');
    expect(entries).toContain(`/${asarPkg.main}`);
  });
});

/** A fuse byte in the wire: ASCII '1' on, '0' off (the states @electron/fuses reads back). */
const ON = '1'.charCodeAt(0);
const OFF = '0'.charCodeAt(0);

describe('Electron fuses of the packaged binary', () => {
  const expected: Array<[string, FuseV1Options, number]> = [
    ['RunAsNode off (ELECTRON_RUN_AS_NODE ignored)', FuseV1Options.RunAsNode, OFF],
    ['EnableCookieEncryption on', FuseV1Options.EnableCookieEncryption, ON],
    ['EnableNodeOptionsEnvironmentVariable off (NODE_OPTIONS ignored)', FuseV1Options.EnableNodeOptionsEnvironmentVariable, OFF],
    ['EnableNodeCliInspectArguments off (--inspect ignored)', FuseV1Options.EnableNodeCliInspectArguments, OFF],
    ['EnableEmbeddedAsarIntegrityValidation on', FuseV1Options.EnableEmbeddedAsarIntegrityValidation, ON],
    ['OnlyLoadAppFromAsar on', FuseV1Options.OnlyLoadAppFromAsar, ON],
    ['GrantFileProtocolExtraPrivileges off', FuseV1Options.GrantFileProtocolExtraPrivileges, OFF],
  ];

  it.each(expected)('%s', async (_name, fuse, state) => {
    const wire = await getCurrentFuseWire(join(out.path, 'linux-unpacked', 'station-desk'));
    expect(wire[fuse]).toBe(state);
  });
});
