/**
 * A settings form's save: busy while it runs (the button says 正在保存…), and a failure kept
 * for ErrorNotice and logged in English. `run` resolves true when the save went through.
 */
import { useCallback, useState } from 'react';

export interface Saving {
  busy: boolean;
  failure: unknown;
  run: (save: () => Promise<unknown>) => Promise<boolean>;
}

/** `what` names the save in the log: "Saving the follow-up settings failed". */
export function useSaving(what: string): Saving {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const run = useCallback(
    async (save: () => Promise<unknown>) => {
      setBusy(true);
      setFailure(null);
      try {
        await save();
        return true;
      } catch (error) {
        console.error(`Saving ${what} failed`, error);
        setFailure(error);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [what],
  );
  return { busy, failure, run };
}
