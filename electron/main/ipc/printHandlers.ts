/** print:* — always acts on the page that asked. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

export function printHandlers({ printing }: Pick<MainServices, 'printing'>): BridgeHandlers<HandlerContext>['print'] {
  return {
    print: (options, ctx) => printing.print(ctx.sender, options),
    savePdf: (options, ctx) => printing.savePdf(ctx.sender, options),
  };
}
