/**
 * Fixed numbers of sync protocol version 1: version, routes, size caps, paging limits.
 * Both the station's sync engine and the county endpoint read them from here, so a cap
 * can never differ between the two sides.
 */

export const PROTOCOL_VERSION = 1 as const;

/** Every route of version 1 lives under this prefix. */
export const ROUTE_PREFIX = '/v1' as const;

export const ROUTES = {
  push: '/v1/push',
  updates: '/v1/updates',
  ping: '/v1/ping',
  lists: '/v1/lists',
  calendar: '/v1/calendar',
} as const;

/** The endpoint refuses request bodies above this (HTTP 413). */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The station packs a push request up to this many UTF-8 bytes, well below the server
 * cap, so headers, proxies re-encoding and rounding never push a batch over it.
 */
export const CLIENT_BATCH_MAX_BYTES = 768 * 1024;

/** At most this many items per push request (the endpoint answers 400 above it). */
export const MAX_ITEMS_PER_PUSH = 50;

/**
 * At most this many issues in one sealed list. With the text limits below, the biggest
 * possible list still fits in one batch; the station seals a second list beyond it.
 */
export const MAX_ISSUES_PER_LIST = 100;
export const MAX_VISITORS_PER_ISSUE = 20;

/** Text limits in characters, the same as the station's entry forms. */
export const TEXT_LIMITS = {
  stationName: 60,
  category: 30,
  summary: 300,
  request: 500,
  onSpotAnswer: 500,
  department: 30,
  visitorName: 20,
  phone: 30,
  enterprise: 60,
  position: 20,
  deputyName: 20,
  response: 2000,
  note: 500,
} as const;

export const UPDATES_DEFAULT_LIMIT = 100;
/**
 * 1000 keeps a page of the longest possible answers (2000 characters each) near 6 MB,
 * while a station catching up applies 10,000 updates in ten transactions, not twenty.
 */
export const UPDATES_MAX_LIMIT = 1000;

/**
 * GET /v1/lists pages: a station restored from a backup reads the lists the county holds
 * for it. A row is about 200 bytes, so the largest page stays near 100 KB; a station
 * seals a few hundred lists a year, so a decade is a handful of pages.
 */
export const LISTS_DEFAULT_LIMIT = 200;
export const LISTS_MAX_LIMIT = 500;

/** Authorization header scheme: `Authorization: Bearer <token>`. */
export const AUTH_SCHEME = 'Bearer' as const;

/** Upper bound the client should honour for any wait, whatever Retry-After says. */
export const MAX_RETRY_DELAY_MS = 15 * 60 * 1000;
