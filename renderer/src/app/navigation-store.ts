// Which screen is showing. Plain state, no URL routing: a kiosk has no address bar.
import { create } from 'zustand';

export type ScreenId = 'sign-in' | 'home' | 'capture' | 'queue' | 'results' | 'result-detail' | 'guest-link' | 'queued' | 'queuedPrepare' | 'settings';

export type Route = { screen: ScreenId; params: Record<string, string> };

type NavigationState = {
  route: Route;
  history: Route[];
  navigate(screen: ScreenId, params?: Record<string, string>): void;
  back(): void;
  /** Back to home with no history: used by Finish, sign-out and the idle lock's reset. */
  reset(screen?: ScreenId): void;
};

export const useNavigation = create<NavigationState>((set) => ({
  route: { screen: 'home', params: {} },
  history: [],
  navigate: (screen, params = {}) => set((s) => ({ route: { screen, params }, history: [...s.history, s.route].slice(-20) })),
  back: () => set((s) => (s.history.length ? { route: s.history[s.history.length - 1]!, history: s.history.slice(0, -1) } : s)),
  reset: (screen = 'home') => set({ route: { screen, params: {} }, history: [] }),
}));
