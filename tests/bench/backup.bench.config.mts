/** The backup benchmark (`npm run bench:backup`): same build and origin as the reception benchmark, its own port and filled profile. */
import { benchConfig } from './benchConfig.mts';

export default benchConfig({
  testMatch: 'backup.bench.ts',
  port: Number(process.env.BENCH_PORT ?? 4292),
  // A heap-capped trial can be given less, so a run the collector keeps busy near its limit ends by itself.
  timeoutMinutes: Number(process.env.BENCH_TIMEOUT_MINUTES ?? 90),
  outputDir: 'bench-backup',
});
