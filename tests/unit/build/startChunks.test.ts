/**
 * The browser build's index.html fetches everything a start runs before Today shows, at
 * once: the entry chunk holds the start's own modules (build/vite/startChunk.mts) and
 * every chunk Today's screen imports, directly or through another, is preloaded
 * (build/vite/preloadHomeScreen.mts). A chunk found only when its importer is parsed
 * would cost the start another round trip.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Manifest } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const outDir = mkdtempSync(join(tmpdir(), 'station-desk-build-'));
let manifest: Manifest;
let html: string;

beforeAll(async () => {
  await build({ configFile: resolve(repo, 'vite.browser.config.mts'), logLevel: 'silent', build: { outDir, emptyOutDir: true, manifest: true } });
  manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  html = readFileSync(join(outDir, 'index.html'), 'utf8');
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A chunk's file and the files of every chunk it imports statically, directly or not. */
function closure(key: string, seen = new Set<string>()): Set<string> {
  const chunk = manifest[key]!;
  if (seen.has(chunk.file)) return seen;
  seen.add(chunk.file);
  for (const k of chunk.imports ?? []) closure(k, seen);
  return seen;
}

const loadedByHtml = () => new Set([...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!));

describe('what a start fetches', () => {
  it('the entry chunk holds the start’s modules: it imports at most the bundler’s runtime', () => {
    const entry = manifest['index.html']!;
    expect(entry.isEntry).toBe(true);
    expect((entry.imports ?? []).map((k) => manifest[k]!.file).filter((f) => !/rolldown-runtime/.test(f))).toEqual([]);
  });

  it('index.html names every chunk the entry and Today’s screen import, directly or not', () => {
    const today = Object.keys(manifest).find((k) => k.endsWith('features/duty-day/TodayScreen.tsx'));
    expect(today).toBeDefined();
    const needed = new Set([...closure('index.html'), ...closure(today!)]);
    const loaded = loadedByHtml();
    expect([...needed].filter((f) => !loaded.has(f))).toEqual([]);
    // And nothing else: the other screens load when first opened.
    expect([...loaded].filter((f) => !needed.has(f))).toEqual([]);
  });
});
