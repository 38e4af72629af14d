/**
 * The history screen's search conditions, kept while the user opens a result and comes
 * back. UI state only: the results themselves always come fresh from the repository.
 */
import { create } from 'zustand';
import type { HandlingMode, IssueStatus } from '../../../../shared/domain/enums';

export interface HistoryFilters {
  from: string;
  to: string;
  category: string;
  status: IssueStatus | '';
  handling: HandlingMode | '';
}

export const EMPTY_FILTERS: HistoryFilters = { from: '', to: '', category: '', status: '', handling: '' };

interface HistoryState {
  /** What the search box shows, including text still being composed. */
  draft: string;
  /** The text last searched for. */
  text: string;
  filters: HistoryFilters;
  setDraft: (draft: string) => void;
  commitText: (text: string) => void;
  setFilter: <K extends keyof HistoryFilters>(key: K, value: HistoryFilters[K]) => void;
  clear: () => void;
}

export const useHistoryStore = create<HistoryState>()((set) => ({
  draft: '',
  text: '',
  filters: EMPTY_FILTERS,
  setDraft: (draft) => set({ draft }),
  commitText: (text) => set({ text }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clear: () => set({ draft: '', text: '', filters: EMPTY_FILTERS }),
}));
