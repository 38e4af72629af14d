/** The browser flavour: the same renderer, with the bridge implemented by browser APIs. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { preloadHomeScreen } from './build/vite/preloadHomeScreen.mts';
import { startChunking } from './build/vite/startChunk.mts';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  plugins: [react(), preloadHomeScreen()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  server: { port: 5173, strictPort: true, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: true, host: '127.0.0.1' },
  build: {
    outDir: resolve(import.meta.dirname, 'out/browser'),
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: startChunking } },
  },
});
