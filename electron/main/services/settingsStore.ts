/**
 * The county connection settings (endpoint address, optional CA certificate), kept as JSON
 * in <userData>/county-config.json. Validated with the contract's schema on every read:
 * a damaged or hand-edited file falls back to "not configured" instead of crashing main.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countyConfigSchema, type CountyConfig } from '../../../shared/bridge/contract';
import { writeFileAtomic } from './atomicFile';
import type { Logger } from './logging';

export const EMPTY_COUNTY_CONFIG: CountyConfig = { endpointUrl: '', caCertificatePem: '' };

export interface SettingsStore {
  read(): CountyConfig;
  write(config: CountyConfig): CountyConfig;
}

export function createSettingsStore(userDataDir: string, logger: Logger): SettingsStore {
  const file = join(userDataDir, 'county-config.json');
  return {
    read() {
      let raw: string;
      try {
        raw = readFileSync(file, 'utf8');
      } catch {
        return { ...EMPTY_COUNTY_CONFIG };
      }
      try {
        const parsed = countyConfigSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
        logger.warn('county config file failed validation; using defaults', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
      } catch {
        logger.warn('county config file is not valid JSON; using defaults');
      }
      return { ...EMPTY_COUNTY_CONFIG };
    },
    write(config) {
      const valid = countyConfigSchema.parse(config);
      writeFileAtomic(file, JSON.stringify(valid, null, 2));
      return valid;
    },
  };
}
