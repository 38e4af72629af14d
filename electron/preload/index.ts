/**
 * The preload: exposes window.stationDesk, one async function per contract channel, each a
 * single ipcRenderer.invoke. Nothing else crosses — never ipcRenderer itself. Imports only
 * the zod-free channel list so the sandboxed preload bundle stays small.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BridgeApi } from '../../shared/bridge/contract';
import { BRIDGE_GLOBAL_NAME, buildBridgeApi } from '../../shared/bridge/channels';

const api = buildBridgeApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<unknown>) satisfies BridgeApi;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, api);
