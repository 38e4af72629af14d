/**
 * Ctrl+N from any screen opens "登记来访". Ignored while an input method is composing,
 * so confirming Chinese characters never jumps away from a half-typed form.
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { useNavigationStore } from '../state/navigation';
import { ROUTES } from '../routes';

export function useNewReceptionShortcut(): void {
  const [location, navigate] = useLocation();
  const restartScreen = useNavigationStore((s) => s.restartScreen);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.isComposing || event.keyCode === 229) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'n') return;
      event.preventDefault();
      if (location === ROUTES.newReception) restartScreen();
      else navigate(ROUTES.newReception);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [location, navigate, restartScreen]);
}
