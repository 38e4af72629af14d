/** The reception-desk benchmark (`npm run bench`): not part of `npm test`. */
import { benchConfig } from './benchConfig.mts';

// Same default as ./env.ts (the driver's side).
export default benchConfig({
  testMatch: '{reception,statistics}.bench.ts',
  port: Number(process.env.BENCH_PORT ?? 4290),
  // A first run fills 100,000 issues, and a profile from an older schema upgrades on first open (v2→v3 took over 15 min here).
  timeoutMinutes: 60,
  outputDir: 'bench',
});
