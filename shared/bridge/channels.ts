/**
 * The bridge's channel list as plain data, with no runtime imports, so the preload bundle
 * stays tiny (no zod). A type-level check below fails the build if this list and
 * contract.ts ever disagree.
 */
import type { BRIDGE_GLOBAL, BridgeApi, MethodOf, Namespace } from './contract';

export const BRIDGE_CHANNELS = {
  app: ['info'],
  county: ['send', 'getConfig', 'setConfig', 'tokenStatus', 'setToken', 'clearToken'],
  print: ['print', 'savePdf'],
  backup: ['begin', 'append', 'finish', 'abort', 'open', 'read', 'close', 'list', 'diskSpace'],
  files: ['save'],
} as const;

/** Same value as contract.ts's BRIDGE_GLOBAL, checked below. */
export const BRIDGE_GLOBAL_NAME = 'stationDesk' as const;

type ListedMethods = { [N in keyof typeof BRIDGE_CHANNELS]: (typeof BRIDGE_CHANNELS)[N][number] };
type ContractMethods = { [N in Namespace]: MethodOf<N> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listMatchesContract: Same<ListedMethods, ContractMethods> = true;
const globalMatchesContract: Same<typeof BRIDGE_GLOBAL_NAME, typeof BRIDGE_GLOBAL> = true;
void listMatchesContract;
void globalMatchesContract;

/** Every channel name, e.g. 'county:send'. */
export function bridgeChannelNames(): string[] {
  return Object.entries(BRIDGE_CHANNELS).flatMap(([ns, methods]) => methods.map((m) => `${ns}:${m}`));
}

/**
 * Builds the object the renderer sees as window.stationDesk: one async function per
 * channel, each forwarding its single argument to `invoke`. Used by the preload (with
 * ipcRenderer.invoke) and by the desktop test double (with a Playwright binding).
 */
export function buildBridgeApi(invoke: (channel: string, request: unknown) => Promise<unknown>): BridgeApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const [ns, methods] of Object.entries(BRIDGE_CHANNELS)) {
    const target: Record<string, (request?: unknown) => Promise<unknown>> = {};
    for (const method of methods) target[method] = (request?: unknown) => invoke(`${ns}:${method}`, request);
    api[ns] = Object.freeze(target);
  }
  // The shape is guaranteed by BRIDGE_CHANNELS matching the contract (checked above);
  // response types are enforced in main, which parses every response with the contract.
  return Object.freeze(api) as unknown as BridgeApi;
}
