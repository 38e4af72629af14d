/**
 * Registers one ipcMain.handle per channel of the bridge contract. Every message is
 * checked before any handler runs: the sender frame must be the app's own page, and the
 * argument is `unknown` until the contract's request schema parses it. Responses are
 * parsed with the contract's response schema too, so main never answers off-contract.
 * Validation failures are logged with the channel and issue paths only — never payloads.
 */
import type { z } from 'zod';
import { bridgeContract, allChannels, type BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext, SenderContents } from '../ports';
import type { Logger } from '../services/logging';

/** The part of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
  sender: SenderContents;
}

/** The part of Electron's ipcMain we use; a Map-backed fake in tests. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

export interface RegisterOptions {
  isTrustedSender: (url: string) => boolean;
  logger: Logger;
}

type Entry = { request: z.ZodType; response: z.ZodType };
type AnyHandler = (request: unknown, ctx: HandlerContext) => unknown;

export function registerBridgeHandlers(ipc: IpcMainLike, handlers: BridgeHandlers<HandlerContext>, { isTrustedSender, logger }: RegisterOptions): string[] {
  const registered: string[] = [];
  for (const { ns, method, channel } of allChannels()) {
    const entry = (bridgeContract[ns] as Record<string, Entry>)[method];
    const handler = (handlers[ns] as Record<string, AnyHandler>)[method];
    if (!entry || !handler) throw new Error(`No handler for bridge channel ${channel}`);
    ipc.handle(channel, async (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url)) {
        logger.warn('ipc rejected: untrusted sender', { channel, origin: safeOrigin(url) });
        throw new Error(`Rejected ${channel}: sender is not the app`);
      }
      if (args.length > 1) {
        logger.warn('ipc rejected: extra arguments', { channel, count: args.length });
        throw new Error(`Invalid argument for ${channel}: expected one argument`);
      }
      const parsed = entry.request.safeParse(args[0]);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code }));
        logger.warn('ipc rejected: invalid argument', { channel, issues });
        throw new Error(`Invalid argument for ${channel}: ${issues.map((i) => `${i.path || '(root)'} ${i.code}`).join('; ')}`);
      }
      const result: unknown = await handler(parsed.data, { sender: event.sender });
      const checked = entry.response.safeParse(result);
      if (!checked.success) {
        logger.error('ipc handler answered off-contract', { channel });
        throw new Error(`Internal error in ${channel}`);
      }
      return checked.data;
    });
    registered.push(channel);
  }
  return registered;
}

function safeOrigin(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(none)';
  }
}

