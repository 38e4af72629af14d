/** All bridge handlers, one file per namespace, and their registration. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';
import { appHandlers } from './appHandlers';
import { countyHandlers } from './countyHandlers';
import { backupHandlers } from './backupHandlers';
import { printHandlers } from './printHandlers';
import { fileHandlers } from './fileHandlers';

export { registerBridgeHandlers, type IpcMainLike, type InvokeEventLike } from './register';

export function createBridgeHandlers(services: MainServices): BridgeHandlers<HandlerContext> {
  return { app: appHandlers(services), county: countyHandlers(services), print: printHandlers(services), backup: backupHandlers(services), files: fileHandlers(services) };
}
