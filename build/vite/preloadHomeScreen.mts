/**
 * Adds `<link rel="modulepreload">` for the home screen's chunk (Today) and every chunk it
 * imports, directly or not, to index.html. The screens are loaded when first opened
 * (renderer/src/app/screens.ts), so without this a cold start fetches Today's code only
 * after the first bundle has run; with it the browser fetches and parses it beside that
 * bundle.
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
        // It and every chunk it imports, directly or through another (a chunk found only
        // when its importer has been parsed costs a round trip more), minus index.html's own.
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const reached = new Set<string>();
        const visit = (file: string) => {
          if (reached.has(file)) return;
          reached.add(file);
          for (const f of byFile.get(file)?.imports ?? []) visit(f);
        };
        visit(home.fileName);
        const files = [...reached].filter((f) => !ctx.chunk?.imports.includes(f) && f !== ctx.chunk?.fileName);
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${f}` }, injectTo: 'head' }));
      },
    },
  };
}
