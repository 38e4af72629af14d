import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/main/services/settingsStore';
import { recordingLogger, tempDir } from './support';

const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const logger = recordingLogger();
  return { dir: dir.path, logger, store: createSettingsStore(dir.path, logger) };
}

describe('settings store', () => {
  it('starts unconfigured and round-trips a valid config through the file', () => {
    const { dir, store } = setup();
    expect(store.read()).toEqual({ endpointUrl: '', caCertificatePem: '' });
    expect(store.write({ endpointUrl: '  https://county.example.cn/sync  ', caCertificatePem: '' })).toEqual({
      endpointUrl: 'https://county.example.cn/sync',
      caCertificatePem: '',
    });
    expect(JSON.parse(readFileSync(join(dir, 'county-config.json'), 'utf8'))).toEqual({ endpointUrl: 'https://county.example.cn/sync', caCertificatePem: '' });
    expect(createSettingsStore(dir, recordingLogger()).read().endpointUrl).toBe('https://county.example.cn/sync');
  });

  it('refuses to write an invalid config and keeps the saved one', () => {
    const { store } = setup();
    store.write({ endpointUrl: 'https://county.example.cn', caCertificatePem: '' });
    expect(() => store.write({ endpointUrl: 'county.example.cn', caCertificatePem: '' })).toThrow();
    expect(store.read().endpointUrl).toBe('https://county.example.cn');
  });

  it.each([['not json {'], ['{"endpointUrl":"javascript:alert(1)"}'], ['[]']])('falls back to defaults for a damaged file: %s', (content) => {
    const { dir, store, logger } = setup();
    writeFileSync(join(dir, 'county-config.json'), content);
    expect(store.read()).toEqual({ endpointUrl: '', caCertificatePem: '' });
    expect(logger.entries.some((e) => e.level === 'warn')).toBe(true);
  });
});
