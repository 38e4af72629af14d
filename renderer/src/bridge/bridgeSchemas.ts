/**
 * The bridge's zod schemas, with which the browser flavour checks its arguments as main
 * does. Fetched at the first call that needs them, so that a start does not build them.
 */
export function contractSchemas() {
  return import('../../../shared/bridge/contract');
}

export function backupSchemas() {
  return import('../../../shared/bridge/backup');
}

export function fileSchemas() {
  return import('../../../shared/bridge/files');
}
