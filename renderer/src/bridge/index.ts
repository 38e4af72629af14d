/**
 * The one module that touches window.stationDesk. In the desktop app the preload
 * provides it; in the browser flavour the browser implementation stands in.
 */
import type { BridgeApi } from '../../../shared/bridge/contract';
import { createBrowserBridge } from './browserBridge';

export const bridge: BridgeApi = window.stationDesk ?? createBrowserBridge();
export const isDesktop = window.stationDesk !== undefined;
