/**
 * The keyword box. Chinese is typed through an input method, so the search runs only
 * once a composition has ended, and then after a short pause (debounce) — never on each
 * keystroke of a half-composed word. Enter searches at once unless it only confirms
 * the input method's candidate.
 */
import { useEffect, useId, useRef } from 'react';
import { isComposingKey } from '../../ui/ime';
import { T } from './strings';

export const SEARCH_DELAY_MS = 250;

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
}

export function SearchBox({ value, onChange, onSearch }: SearchBoxProps) {
  const id = useId();
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  const schedule = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => onSearch(text), SEARCH_DELAY_MS);
  };

  return (
    <div className="history-search ui-field">
      <label htmlFor={id}>{T.searchLabel}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={T.searchPlaceholder}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        spellCheck={false}
        onCompositionStart={() => {
          composing.current = true;
          clearTimeout(timer.current);
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          schedule(e.currentTarget.value);
        }}
        onChange={(e) => {
          onChange(e.target.value);
          const native = e.nativeEvent as InputEvent;
          if (!composing.current && !native.isComposing) schedule(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || isComposingKey(e)) return;
          e.preventDefault();
          clearTimeout(timer.current);
          onSearch(e.currentTarget.value);
        }}
      />
      <span id={`${id}-hint`} className="ui-hint">
        {T.searchHint}
      </span>
    </div>
  );
}
