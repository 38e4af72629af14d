/**
 * The last answer of a screen's live read, kept when the screen closes, so opening it again
 * shows what it showed before while the read runs again (a few milliseconds later the live
 * answer replaces it), instead of a "正在读取…" or an empty panel for a moment. Only for
 * reads where a moment of the previous answer is harmless: counts and lists that the live
 * answer corrects. A key names what was read (the day, the page, the groups unfolded).
 */
export interface LastAnswer<T> {
  remember: (key: string, value: T) => void;
  /** The answer last remembered under `key`; undefined if another key came since. */
  recall: (key: string) => T | undefined;
}

export function lastAnswer<T>(): LastAnswer<T> {
  let last: { key: string; value: T } | null = null;
  return {
    remember(key, value) {
      last = { key, value };
    },
    recall(key) {
      return last?.key === key ? last.value : undefined;
    },
  };
}
