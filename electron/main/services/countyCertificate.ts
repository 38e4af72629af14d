/**
 * Trusting the county's own CA (many county networks use a private CA that the station
 * PC's OS store does not know). Installed as the transport session's certificate verify
 * proc: when Chromium rejects a chain ONLY because its authority is unknown, we accept it
 * if the chain leads, by verified signatures, to the CA certificate staff pasted in the
 * settings, the leaf names the host, and every certificate is within its validity dates.
 *
 * Limits (see electron/README.md): no revocation check; name constraints and key usage of
 * the private CA are not enforced beyond what Node's X509Certificate checks; any other
 * Chromium error (expired, wrong name, weak key) is never overridden.
 */
import { X509Certificate } from 'node:crypto';

/** Chromium's net::ERR_CERT_AUTHORITY_INVALID. */
export const ERR_CERT_AUTHORITY_INVALID = -202;

/** The parts of Electron's Certificate structure we read. */
export interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike | null;
}

export interface VerifyRequestLike {
  hostname: string;
  certificate: CertificateLike;
  errorCode: number;
}

export function chainOf(leaf: CertificateLike): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: CertificateLike | null | undefined = leaf;
  while (current && chain.length < 8 && !seen.has(current.data)) {
    seen.add(current.data);
    chain.push(new X509Certificate(current.data));
    current = current.issuerCert;
  }
  return chain;
}

export function trustedByCountyCa(request: VerifyRequestLike, caPem: string, now = new Date()): boolean {
  if (!caPem.trim() || request.errorCode !== ERR_CERT_AUTHORITY_INVALID) return false;
  try {
    const ca = new X509Certificate(caPem);
    if (!ca.ca || !withinDates(ca, now)) return false;
    const chain = chainOf(request.certificate);
    const leaf = chain[0];
    if (!leaf || !leaf.checkHost(request.hostname) || !chain.every((c) => withinDates(c, now))) return false;
    // A server presenting the CA certificate itself as its own is not a server certificate.
    if (leaf.fingerprint256 === ca.fingerprint256) return false;
    for (let i = 0; i < chain.length; i++) {
      const cert = chain[i]!;
      if (cert.checkIssued(ca) && cert.verify(ca.publicKey)) return true;
      const parent = chain[i + 1];
      if (!parent || !cert.checkIssued(parent) || !cert.verify(parent.publicKey)) return false;
    }
    return false;
  } catch {
    // Unparsable PEM or certificate: never trust.
    return false;
  }
}

function withinDates(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}
