// A screen with unsaved work can ask before staff leave it (Settings, issue 11 §3). The frame's
// Home button and the sync pill go through `requestLeave`; sign-out and the idle lock do not wait
// for anyone. Renderer process.
type Guard = (proceed: () => void) => boolean;

let guard: Guard | null = null;

/** Installs the guard: it answers true to let the move happen now, or false after taking `proceed` to run later. */
export function setLeaveGuard(next: Guard | null): () => void {
  guard = next;
  return () => {
    if (guard === next) guard = null;
  };
}

export function requestLeave(go: () => void): void {
  if (!guard || guard(go)) go();
}
