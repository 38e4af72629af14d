/**
 * The renderer's chunking: every module a start needs before its first screen (what the
 * entry imports, directly or not) goes into the entry chunk, instead of the twenty-odd
 * small chunks the default splitting made of the modules the screens share with it. A
 * start then fetches and compiles a handful of files, not one per shared module: in the
 * browser flavour each file is a request, in the desktop app a protocol-handler call.
 * The screens stay in their own chunks, loaded when first opened (renderer/src/app/screens.ts).
 */
export const startChunking = {
  groups: [{ name: 'index', tags: ['$initial' as const] }],
};
