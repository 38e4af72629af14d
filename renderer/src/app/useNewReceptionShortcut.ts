/**
 * Ctrl+N from any screen opens "登记来访". Ignored while an input method is composing,
 * so confirming Chinese characters never jumps away from a half-typed form.
 */
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { ROUTES } from './routes';

export function useNewReceptionShortcut(): void {
  const [, navigate] = useLocation();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.isComposing || event.keyCode === 229) return;
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'n') return;
      event.preventDefault();
      navigate(ROUTES.newReception);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
