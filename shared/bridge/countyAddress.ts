/**
 * Where the station may send its token. The county address must be https: the token and
 * visitors' personal data travel with every request. Plain http is allowed only for a
 * loopback host (127.0.0.0/8, localhost, [::1]), where the traffic never leaves the PC —
 * the county endpoint run locally for tests and training.
 *
 * A change of address or CA certificate is a change of who receives the token, so the
 * stored token is cleared with it (main's county:setConfig, and the browser flavour):
 * a page that managed to change the settings cannot redirect the token to another host.
 */

const ADDRESS = /^(https?):\/\/(\[[0-9a-fA-F:.]+\]|[^\s/:?#[\]@]+)(:\d{1,5})?(\/[^\s?#]*)?$/i;

/** The scheme and host of an address, or null when it is not an http(s) address we accept. */
function parts(address: string): { scheme: 'http' | 'https'; host: string } | null {
  const m = ADDRESS.exec(address);
  if (!m) return null;
  const port = m[3] ? Number(m[3].slice(1)) : null;
  if (port !== null && (port < 1 || port > 65_535)) return null;
  return { scheme: (m[1] ?? '').toLowerCase() as 'http' | 'https', host: (m[2] ?? '').toLowerCase() };
}

export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return v4 !== null && v4.slice(1).every((n) => Number(n) <= 255);
}

export type CountyAddressProblem = 'format' | 'insecure';

/** Why an address cannot be used, or null when it can ('' means "not configured" and is allowed). */
export function countyAddressProblem(address: string): CountyAddressProblem | null {
  if (address === '') return null;
  const p = parts(address);
  if (!p) return 'format';
  if (p.scheme === 'http' && !isLoopbackHost(p.host)) return 'insecure';
  return null;
}

export const COUNTY_ADDRESS_MESSAGES: Record<CountyAddressProblem, string> = {
  format: '地址格式不对，应像 https://rd.jianghai.gov.cn/lianluo 这样填写',
  insecure: '县里系统地址必须以 https:// 开头（http:// 只能用于本机测试地址）',
};

/** Same address as far as the token is concerned: trailing slashes and host case do not matter. */
export function normalizeCountyAddress(address: string): string {
  const trimmed = address.trim().replace(/\/+$/, '');
  if (!parts(trimmed)) return trimmed;
  return trimmed.replace(/^(https?:\/\/)([^/]+)/i, (_all, scheme: string, authority: string) => scheme.toLowerCase() + authority.toLowerCase());
}

/** True when saving `next` over `previous` hands the token to a different receiver. */
export function countyTargetChanged(
  previous: { endpointUrl: string; caCertificatePem: string },
  next: { endpointUrl: string; caCertificatePem: string },
): boolean {
  return (
    normalizeCountyAddress(previous.endpointUrl) !== normalizeCountyAddress(next.endpointUrl) ||
    previous.caCertificatePem.trim() !== next.caCertificatePem.trim()
  );
}
