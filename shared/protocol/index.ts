/**
 * Sync protocol version 1 between a station and the county endpoint.
 * Pure TypeScript + zod; imports nothing outside shared/protocol. See docs/sync-protocol.md.
 */
export * from './constants';
export * from './canonicalJson';
export * from './payloads';
export * from './messages';
export * from './calendar';
export * from './calendarRules';
export * from './errors';
export * from './retry';
export * from './text';
