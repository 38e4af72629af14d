/**
 * What a cold start begins before React's first render, so it runs beside the shell's own
 * start instead of after it: the first screen's code, and on Today its 待办.
 */
import { prefetchTodo } from '../features/follow-up/todoPrefetch';
import { preloadInitialScreen } from './screens';

export function startEarly(hash: string): void {
  preloadInitialScreen(hash);
  if (hash === '' || hash === '#' || hash === '#/') prefetchTodo();
}
