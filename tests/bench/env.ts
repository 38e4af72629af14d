/** Settings shared by the benchmark's driver (the config reads the same BENCH_PORT default). */

export const BENCH_PORT = Number(process.env.BENCH_PORT ?? 4290);

/** The same Chromium flags as the end-to-end tests (playwright.config.mts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
