/** county:* — settings, the station token (write-only from the renderer) and sending. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import { countyTargetChanged } from '../../../shared/bridge/countyAddress';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

export function countyHandlers(
  s: Pick<MainServices, 'settings' | 'tokens' | 'transport' | 'onCountyConfigChanged' | 'logger'>,
): BridgeHandlers<HandlerContext>['county'] {
  return {
    send: (request) => s.transport.send(request),
    getConfig: () => s.settings.read(),
    setConfig: (config) => {
      const previous = s.settings.read();
      const saved = s.settings.write(config);
      // A new address or CA certificate means a new receiver: the old token must not follow it.
      if (countyTargetChanged(previous, saved) && s.tokens.status().configured) {
        s.tokens.clear();
        s.logger.info('county address or certificate changed; station token cleared');
      }
      s.onCountyConfigChanged();
      return saved;
    },
    tokenStatus: () => s.tokens.status(),
    setToken: ({ token }) => s.tokens.set(token),
    clearToken: () => s.tokens.clear(),
  };
}
