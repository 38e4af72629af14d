/**
 * The zod schemas the repositories validate writes with, fetched when a write first needs
 * them. A start only reads, and building every schema as the start's modules loaded was a
 * measurable part of a cold start (docs/benchmarks.md); reads on the start's path check
 * the few stored values they use without zod (shared/domain/storedValues.ts).
 * Await these before a transaction opens: a fetch inside one would commit it early.
 */
export function domainSchemas() {
  return import('../../../shared/domain/schemas');
}

export function accessSchemas() {
  return import('../../../shared/domain/accessSchemas');
}

export function followUpSchemas() {
  return import('../../../shared/domain/followUpSchemas');
}
