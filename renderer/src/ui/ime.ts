/**
 * IME safety. Chinese is typed through an input method: Enter first confirms the
 * composed characters. An Enter pressed while composing must never submit a form or
 * fire an action. Chromium reports such keys with isComposing (and keyCode 229).
 */
import type { KeyboardEvent } from 'react';

export function isComposingKey(event: KeyboardEvent): boolean {
  return event.nativeEvent.isComposing || event.keyCode === 229;
}

/** onKeyDown for a <form>: swallow an Enter that only confirms an IME composition. */
export function preventImeEnterSubmit(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key === 'Enter' && isComposingKey(event)) event.preventDefault();
}

/** onKeyDown for a single input whose Enter runs an action (e.g. "add to list"). */
export function onPlainEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter' || isComposingKey(event)) return;
    event.preventDefault();
    action();
  };
}
