/** county:* — settings, the station token (write-only from the renderer) and sending. */
import type { BridgeHandlers } from '../../../shared/bridge/contract';
import type { HandlerContext } from '../ports';
import type { MainServices } from '../services';

export function countyHandlers(s: Pick<MainServices, 'settings' | 'tokens' | 'transport' | 'onCountyConfigChanged'>): BridgeHandlers<HandlerContext>['county'] {
  return {
    send: (request) => s.transport.send(request),
    getConfig: () => s.settings.read(),
    setConfig: (config) => {
      const saved = s.settings.write(config);
      s.onCountyConfigChanged();
      return saved;
    },
    tokenStatus: () => s.tokens.status(),
    setToken: ({ token }) => s.tokens.set(token),
    clearToken: () => s.tokens.clear(),
  };
}
