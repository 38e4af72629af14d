/** files:* — a file the renderer made, saved where the user picks. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

export function fileHandlers({ files }: Pick<MainServices, 'files'>): BridgeHandlers<HandlerContext>['files'] {
  return {
    save: (request, ctx) => files.save(ctx.sender, request),
  };
}
