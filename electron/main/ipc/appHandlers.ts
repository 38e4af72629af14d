/** app:* — what the renderer may know about the running app. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

export function appHandlers({ identity }: Pick<MainServices, 'identity'>): BridgeHandlers<HandlerContext>['app'] {
  return {
    info: () => ({ name: identity.name, version: identity.version, flavour: 'desktop', platform: identity.platform }),
  };
}
