/**
 * Packages the app (build + electron-builder --linux dir with a stub Electron binary) into a
 * temp folder and checks what app.asar ships: the compiled app, and nothing else — no
 * sources, tests, county endpoint or node_modules. Slow (~20 s on two cores) but bounded.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
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
