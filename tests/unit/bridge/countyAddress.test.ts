import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countyConfigSchema } from '../../../shared/bridge/contract';
import { countyAddressProblem, countyTargetChanged, isLoopbackHost, normalizeCountyAddress } from '../../../shared/bridge/countyAddress';

const config = (endpointUrl: string, caCertificatePem = '') => ({ endpointUrl, caCertificatePem });

describe('county address rule', () => {
  it.each([
    ['', null],
    ['https://rd.jianghai.gov.cn/lianluo', null],
    ['https://rd.jianghai.gov.cn:8443', null],
    ['https://10.20.30.40/api', null],
    ['http://127.0.0.1:8787', null],
    ['http://127.8.9.10:8787/v', null],
    ['http://localhost:8787', null],
    ['http://LOCALHOST', null],
    ['http://[::1]:8787', null],
    ['http://rd.jianghai.gov.cn/lianluo', 'insecure'],
    ['http://10.20.30.40', 'insecure'],
    ['http://127.0.0.1.evil.example', 'insecure'],
    ['http://localhost.evil.example', 'insecure'],
    ['http://[::2]', 'insecure'],
    ['http://user@127.0.0.1', 'format'],
    ['ftp://rd.jianghai.gov.cn', 'format'],
    ['rd.jianghai.gov.cn', 'format'],
    ['https://', 'format'],
    ['https://rd.jianghai.gov.cn:99999', 'format'],
    ['https://rd jianghai', 'format'],
  ])('%s → %s', (address, problem) => {
    expect(countyAddressProblem(address)).toBe(problem);
  });

  it('the contract schema refuses plain http to another host with a Chinese message', () => {
    const parsed = countyConfigSchema.safeParse(config('http://rd.jianghai.gov.cn'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/https:\/\//);
    expect(countyConfigSchema.safeParse(config('https://rd.jianghai.gov.cn')).success).toBe(true);
  });

  it('generated non-loopback hosts are never accepted over http, always over https', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join('.')).filter((h) => !isLoopbackHost(h));
    fc.assert(
      fc.property(host, fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }), (h, port) => {
        const authority = port === undefined ? h : `${h}:${port}`;
        expect(countyAddressProblem(`http://${authority}/x`)).toBe('insecure');
        expect(countyAddressProblem(`https://${authority}/x`)).toBeNull();
      }),
    );
  });

  it('loopback is exactly 127.0.0.0/8, localhost and [::1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), (a, b, c) => {
        expect(isLoopbackHost(`127.${a}.${b}.${c}`)).toBe(true);
        expect(isLoopbackHost(`128.${a}.${b}.${c}`)).toBe(false);
      }),
    );
    expect(isLoopbackHost('127.0.0.256')).toBe(false);
  });
});

describe('who receives the token', () => {
  it('the same address written differently is the same receiver', () => {
    expect(normalizeCountyAddress('HTTPS://RD.Jianghai.gov.cn/lianluo/')).toBe('https://rd.jianghai.gov.cn/lianluo');
    expect(countyTargetChanged(config('https://rd.jianghai.gov.cn/lianluo/'), config('https://RD.jianghai.gov.cn/lianluo'))).toBe(false);
  });

  it('another host, port, path or CA certificate is another receiver', () => {
    const base = config('https://rd.jianghai.gov.cn/lianluo', 'PEM-A');
    expect(countyTargetChanged(base, config('https://rd.jianghai.gov.cn.evil.example/lianluo', 'PEM-A'))).toBe(true);
    expect(countyTargetChanged(base, config('https://rd.jianghai.gov.cn:8443/lianluo', 'PEM-A'))).toBe(true);
    expect(countyTargetChanged(base, config('https://rd.jianghai.gov.cn/other', 'PEM-A'))).toBe(true);
    expect(countyTargetChanged(base, config('https://rd.jianghai.gov.cn/lianluo', 'PEM-B'))).toBe(true);
    expect(countyTargetChanged(base, config('', 'PEM-A'))).toBe(true);
  });
});
