/**
 * Adds `<link rel="modulepreload">` for the home screen's chunk (Today) and the chunks it
 * imports to index.html. The screens are loaded when first opened (renderer/src/app/
 * screens.ts), so without this a cold start fetches Today's code only after the first
 * bundle has run; with it the browser fetches and parses it beside that bundle.
 */
import type { Plugin } from 'vite';

const HOME = 'renderer/src/features/duty-day/TodayScreen.tsx';

export function preloadHomeScreen(): Plugin {
  let base = '/';
  return {
    name: 'station-desk:preload-home-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const home = chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(HOME));
        if (!home) throw new Error(`preloadHomeScreen: no chunk for ${HOME}`);
        // Its static imports, minus those index.html already loads.
        const files = [home.fileName, ...home.imports].filter((f) => !ctx.chunk?.imports.includes(f) && f !== ctx.chunk?.fileName);
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` }, injectTo: 'head' }));
      },
    },
  };
}
