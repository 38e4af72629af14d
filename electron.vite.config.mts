import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { preloadHomeScreen } from './build/vite/preloadHomeScreen.mts';
import { startChunking } from './build/vite/startChunk.mts';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  main: {
    build: {
      // Bundle zod and friends into out/main so the package ships out/** and no node_modules.
      externalizeDeps: false,
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), preloadHomeScreen()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified; minified, a station PC parses and
      // compiles less at every start (the browser flavour, vite's default, is minified too).
      minify: true,
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'renderer/index.html') }, output: { codeSplitting: startChunking } },
    },
  },
});
