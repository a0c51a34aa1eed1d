// Who is signed in, mirrored from main (the source of truth) through session.get and
// session.changed. Renderer process. Holds no secrets: passwords and PINs never reach a store.
// Crossing into "signed out" (or to another staff member) forgets the visitor and the route.
import { create } from 'zustand';
import type { SessionView } from '../../../preload/contract';
import { useNavigation } from '../app/navigation-store';
import { resetVisitor } from '../app/visitor-reset';
import type { Bridge } from '../bridge';

type SessionState = {
  session: SessionView | null;
  /** Why the session could not be read (main unreachable); null once it has been. */
  loadError: string | null;
  /** Personal mode: offer to set an offline PIN after the first online sign-in on this kiosk. */
  offerOfflinePin: boolean;
  /**
   * The screen locked while main could not be told. Until main confirms a lock, any "signed in"
   * from main is shown as locked, so a reconnect cannot open a screen nobody unlocked.
   */
  lockPending: boolean;
};

export const useSessionStore = create<SessionState>(() => ({ session: null, loadError: null, offerOfflinePin: false, lockPending: false }));

/** Takes a SessionView from main and applies what the change means for the renderer. */
export function applySession(view: SessionView): void {
  let next = view;
  if (useSessionStore.getState().lockPending) {
    if (view.state === 'signed-in') next = { ...view, state: 'locked' };
    else useSessionStore.setState({ lockPending: false });
  }
  const previous = useSessionStore.getState().session;
  const staffChanged = previous?.staff?.id !== next.staff?.id;
  const signedOut = next.state === 'signed-out' && previous !== null && previous.state !== 'signed-out';
  if (signedOut || (staffChanged && previous?.staff)) {
    // A different person may be at the desk now: nothing of the last visitor may remain.
    forgetVisitor();
  }
  if (next.state === 'signed-in' && previous?.state === 'signed-out') {
    // A fresh sign-in starts at home; an unlock (locked → signed-in) returns to the same screen.
    useNavigation.getState().reset('home');
  }
  useSessionStore.setState((s) => ({
    session: next,
    loadError: null,
    offerOfflinePin: next.state === 'signed-in' && next.accountMode === 'personal' ? s.offerOfflinePin : false,
  }));
}

function forgetVisitor() {
  useNavigation.getState().reset('home');
  try {
    resetVisitor();
  } catch (error) {
    // Still signed out; the failure is logged without personal data (just which kind of error).
    console.error('visitor reset failed', (error as Error).name);
  }
}

export function setOfferOfflinePin(offer: boolean): void {
  useSessionStore.setState({ offerOfflinePin: offer });
}

/**
 * Signs out and forgets the visitor: the unfinished capture in main is finished first (main's
 * sign-out should clear it too; asking twice costs nothing and keeps the next person from seeing it).
 */
export async function signOutAndForget(bridge: Bridge): Promise<void> {
  await bridge.invoke('capture.finish').catch(() => undefined);
  const view = await bridge.invoke('session.signOut');
  applySession(view);
  forgetVisitor();
}

/**
 * Locks the screen. If main cannot be reached the renderer locks anyway (fail closed): the screen
 * must not stay open because the network or main is down. The lock is sent again on reconnect.
 */
export async function lockSession(bridge: Bridge): Promise<void> {
  try {
    applySession(await bridge.invoke('session.lock'));
  } catch {
    const current = useSessionStore.getState().session;
    if (current && current.state === 'signed-in') useSessionStore.setState({ session: { ...current, state: 'locked' }, lockPending: true });
  }
}

/** Unlocks with a PIN or password; a lock main never heard of is delivered first. */
export async function unlockSession(bridge: Bridge, request: { pin: string } | { password: string }): Promise<void> {
  if (useSessionStore.getState().lockPending) applySession(await bridge.invoke('session.lock'));
  applySession(await bridge.invoke('session.unlock', request));
}

/** Loads the session and keeps it current; returns the function that stops listening. */
export function startSessionSync(bridge: Bridge): () => void {
  let stopped = false;
  const load = async () => {
    try {
      const view = await bridge.invoke(useSessionStore.getState().lockPending ? 'session.lock' : 'session.get');
      if (!stopped) applySession(view);
    } catch (error) {
      if (!stopped) useSessionStore.setState({ loadError: (error as Error).message });
    }
  };
  let wasClosed = false;
  const stops = [
    bridge.on('session.changed', (view) => applySession(view)),
    bridge.onConnection((state) => {
      // Main may have restarted while we were away: read the session afresh.
      if (state === 'open' && wasClosed) void load();
      wasClosed = state === 'closed';
    }),
  ];
  void load();
  return () => {
    stopped = true;
    stops.forEach((stop) => stop());
  };
}

/** Asks main again, e.g. from a "Try again" button. */
export function reloadSession(bridge: Bridge): Promise<void> {
  return bridge.invoke('session.get').then(applySession, (error: Error) => useSessionStore.setState({ loadError: error.message }));
}
