// What the idle warning shows: whether it is up and how many seconds are left. Renderer process.
// Written by IdleGuard from idle-timer.ts; kept in a store so the dialog re-renders alone.
import { create } from 'zustand';

type IdleState = { warning: boolean; secondsLeft: number };

export const useIdleStore = create<IdleState>(() => ({ warning: false, secondsLeft: 0 }));
