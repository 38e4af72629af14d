/**
 * Builds the benchmark page into <app build>/bench/, so `vite preview` serves it from
 * the app's origin and it opens the app's own IndexedDB database.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'page');

export default defineConfig({
  root,
  base: '/bench/',
  build: {
    emptyOutDir: true,
    rollupOptions: { input: { index: resolve(root, 'index.html'), blank: resolve(root, 'blank.html') } },
  },
});
