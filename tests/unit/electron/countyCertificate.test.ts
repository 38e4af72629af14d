/**
 * The county-CA check with real certificates made by openssl: a private CA, a server
 * certificate it signed for county.example.cn, and an unrelated CA.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERR_CERT_AUTHORITY_INVALID, trustedByCountyCa, type CertificateLike } from '../../../electron/main/services/countyCertificate';
import { tempDir } from './support';

const dir = tempDir('station-desk-certs-');
const pem: Record<string, string> = {};

function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir.path, stdio: 'pipe' });
}

function makeCa(name: string) {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  pem[name] = readFileSync(join(dir.path, `${name}.pem`), 'utf8');
}

beforeAll(() => {
  makeCa('county-ca');
  makeCa('other-ca');
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=county.example.cn');
  writeFileSync(join(dir.path, 'ext.cnf'), 'subjectAltName=DNS:county.example.cn\nbasicConstraints=CA:FALSE\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'county-ca.pem', '-CAkey', 'county-ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '10', '-extfile', 'ext.cnf');
  pem['server'] = readFileSync(join(dir.path, 'server.pem'), 'utf8');
}, 30_000);
afterAll(() => dir.remove());

const chain = (withIssuer = true): CertificateLike => ({ data: pem['server']!, issuerCert: withIssuer ? { data: pem['county-ca']! } : null });
const request = (over: Partial<{ hostname: string; errorCode: number; certificate: CertificateLike }> = {}) => ({
  hostname: 'county.example.cn',
  errorCode: ERR_CERT_AUTHORITY_INVALID,
  certificate: chain(),
  ...over,
});

describe('county CA trust', () => {
  it('accepts a chain signed by the configured county CA', () => {
    expect(trustedByCountyCa(request(), pem['county-ca']!)).toBe(true);
    expect(trustedByCountyCa(request({ certificate: chain(false) }), pem['county-ca']!)).toBe(true);
  });

  it('rejects when no CA is configured or another CA is configured', () => {
    expect(trustedByCountyCa(request(), '')).toBe(false);
    expect(trustedByCountyCa(request(), pem['other-ca']!)).toBe(false);
  });

  it('rejects the wrong host name', () => {
    expect(trustedByCountyCa(request({ hostname: 'evil.example.cn' }), pem['county-ca']!)).toBe(false);
  });

  it('never overrides other certificate errors (expired, name mismatch…)', () => {
    expect(trustedByCountyCa(request({ errorCode: -201 }), pem['county-ca']!)).toBe(false);
    expect(trustedByCountyCa(request({ errorCode: -200 }), pem['county-ca']!)).toBe(false);
  });

  it('rejects a server presenting the CA certificate itself, expired dates and garbage', () => {
    expect(trustedByCountyCa(request({ certificate: { data: pem['county-ca']! } }), pem['county-ca']!)).toBe(false);
    expect(trustedByCountyCa(request(), pem['county-ca']!, new Date(Date.now() + 60 * 86_400_000))).toBe(false);
    expect(trustedByCountyCa(request(), '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----')).toBe(false);
  });
});
