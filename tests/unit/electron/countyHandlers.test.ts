/**
 * county:setConfig in main with the real settings and token stores: a new address or CA
 * certificate clears the stored token, so a page that changed the settings cannot make
 * the token follow it to another host; saving the same address keeps it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countyHandlers } from '../../../electron/main/ipc/countyHandlers';
import { createSettingsStore } from '../../../electron/main/services/settingsStore';
import { createTokenStore } from '../../../electron/main/services/tokenStore';
import type { CountyTransport } from '../../../electron/main/services/countyTransport';
import type { HandlerContext } from '../../../electron/main/ports';
import { recordingLogger, tempDir, testCipher } from './support';

const TOKEN = 'st-3f9a1c7e-county-token-9b2d';
const ctx = {} as HandlerContext;
const dirs: { remove: () => void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function setup() {
  const dir = tempDir();
  dirs.push(dir);
  const logger = recordingLogger();
  const settings = createSettingsStore(dir.path, logger);
  const tokens = createTokenStore(dir.path, testCipher(), logger);
  const onCountyConfigChanged = vi.fn();
  const county = countyHandlers({ settings, tokens, logger, onCountyConfigChanged, transport: {} as CountyTransport });
  return { county, tokens, logger, onCountyConfigChanged };
}

describe('county:setConfig and the station token', () => {
  it('keeps the token when the same address is saved again', async () => {
    const { county, tokens } = setup();
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn/lianluo', caCertificatePem: '' }, ctx);
    tokens.set(TOKEN);
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn/lianluo/', caCertificatePem: '' }, ctx);
    expect(tokens.reveal()).toBe(TOKEN);
  });

  it('clears the token when the address changes', async () => {
    const { county, tokens, logger, onCountyConfigChanged } = setup();
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn/lianluo', caCertificatePem: '' }, ctx);
    tokens.set(TOKEN);
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn.evil.example/lianluo', caCertificatePem: '' }, ctx);
    expect(await county.tokenStatus(undefined, ctx)).toMatchObject({ configured: false });
    expect(tokens.reveal()).toBeNull();
    expect(logger.text()).toContain('station token cleared');
    expect(logger.text()).not.toContain(TOKEN);
    expect(onCountyConfigChanged).toHaveBeenCalled();
  });

  it('clears the token when the CA certificate changes', async () => {
    const { county, tokens } = setup();
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn', caCertificatePem: '' }, ctx);
    tokens.set(TOKEN);
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn', caCertificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }, ctx);
    expect(tokens.reveal()).toBeNull();
  });

  it('refuses a plain-http address to another host and keeps what was saved', async () => {
    const { county, tokens } = setup();
    await county.setConfig({ endpointUrl: 'https://rd.jianghai.gov.cn', caCertificatePem: '' }, ctx);
    tokens.set(TOKEN);
    await expect(async () => county.setConfig({ endpointUrl: 'http://rd.jianghai.gov.cn', caCertificatePem: '' }, ctx)).rejects.toThrow();
    expect(await county.getConfig(undefined, ctx)).toMatchObject({ endpointUrl: 'https://rd.jianghai.gov.cn' });
    expect(tokens.reveal()).toBe(TOKEN);
  });
});
