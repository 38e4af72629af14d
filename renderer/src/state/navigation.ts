/**
 * Navigation session state. Choosing the menu item (or shortcut) of the screen already
 * shown bumps `screenGeneration`; a screen that has a "done" state listens and starts
 * afresh (e.g. "登记来访" after a save opens a blank form), while a half-filled form
 * simply stays as it is.
 */
import { create } from 'zustand';

interface NavigationState {
  /** Bumped when the user asks again for the screen already shown. */
  screenGeneration: number;
  restartScreen: () => void;
}

export const useNavigationStore = create<NavigationState>()((set) => ({
  screenGeneration: 0,
  restartScreen: () => set((s) => ({ screenGeneration: s.screenGeneration + 1 })),
}));
