// The county console: built into console/dist (or COUNTY_CONSOLE_OUT) and served by the
// endpoint under /console/. It may import shared/ and nothing of the station's renderer.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  plugins: [react()],
  resolve: {
    // shared/ imports 'zod' from outside this package: pin it to this package's copy.
    alias: { zod: fileURLToPath(new URL('../node_modules/zod', import.meta.url)) },
  },
  build: {
    outDir: process.env.COUNTY_CONSOLE_OUT ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  logLevel: 'warn',
});
