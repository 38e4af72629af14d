/**
 * Keyboard shortcuts of the reception form, listened for on the whole document so they
 * work wherever the focus is: Ctrl+Enter saves, Alt+I (or Ctrl+I) adds an issue, Alt+V
 * adds a visitor. Enter in a one-line field never submits. Nothing fires while an input
 * method is composing: the Enter or letter keys then belong to the IME.
 */
import { useEffect, useRef } from 'react';

export interface ShortcutActions {
  save(): void;
  addIssue(): void;
  addVisitor(): void;
}

export function isImeKey(event: KeyboardEvent, composing: boolean): boolean {
  return composing || event.isComposing || event.keyCode === 229;
}

export function useReceptionShortcuts(actions: ShortcutActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });

  useEffect(() => {
    if (!enabled) return;
    let composing = false;
    const onStart = () => {
      composing = true;
    };
    const onEnd = () => {
      composing = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // An open modal dialog (e.g. the delete confirmation) owns the keyboard.
      if (document.querySelector('dialog[open]')) return;
      if (isImeKey(event, composing)) {
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
        return;
      }
      const ctrl = event.ctrlKey || event.metaKey;
      if (event.key === 'Enter' && ctrl && !event.altKey) {
        event.preventDefault();
        latest.current.save();
      } else if (event.code === 'KeyI' && ((event.altKey && !ctrl) || (ctrl && !event.altKey && !event.shiftKey))) {
        event.preventDefault();
        latest.current.addIssue();
      } else if (event.code === 'KeyV' && event.altKey && !ctrl) {
        event.preventDefault();
        latest.current.addVisitor();
      } else if (event.key === 'Enter' && isTextInput(event.target)) {
        // Implicit submission would save a half-checked form; Enter only moves on by Tab.
        event.preventDefault();
      }
    };
    document.addEventListener('compositionstart', onStart, true);
    document.addEventListener('compositionend', onEnd, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('compositionstart', onStart, true);
      document.removeEventListener('compositionend', onEnd, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}

function isTextInput(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
}
