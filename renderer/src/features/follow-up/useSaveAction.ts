/** Runs a follow-up save and turns its refusals into messages beside the fields. */
import { useState } from 'react';
import { ValidationError } from '../../db';
import { FollowUpStateError } from '../../db/repositories/followUp';
import { F } from './strings';

export interface SaveState {
  errors: Record<string, string>;
  message: string;
  busy: boolean;
}

export function useSaveAction() {
  const [state, setState] = useState<SaveState>({ errors: {}, message: '', busy: false });
  const run = async (save: () => Promise<unknown>): Promise<boolean> => {
    setState({ errors: {}, message: '', busy: true });
    try {
      await save();
      setState({ errors: {}, message: F.saved, busy: false });
      return true;
    } catch (error) {
      if (error instanceof ValidationError) {
        setState({ errors: Object.fromEntries(error.issues.map((i) => [i.path, i.message])), message: '', busy: false });
      } else if (error instanceof FollowUpStateError) {
        setState({ errors: {}, message: error.userMessage, busy: false });
      } else {
        console.error('Follow-up save failed', error);
        setState({ errors: {}, message: F.failed, busy: false });
      }
      return false;
    }
  };
  return { ...state, run };
}
