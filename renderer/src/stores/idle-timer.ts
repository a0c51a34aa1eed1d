// The idle lock's timing as a pure function of the clock (issue 6 §9): after `timeoutMs` without
// input a warning, then the lock `warningMs` later. Renderer process; no timers of its own.
export type IdleConfig = { timeoutMs: number; warningMs: number };

export type IdlePhase =
  | { phase: 'active'; nextChangeAt: number }
  | { phase: 'warning'; nextChangeAt: number; secondsLeft: number }
  | { phase: 'expired' };

/** The floor: staff get at least 20 s to answer "I'm still here". */
export const MIN_WARNING_MS = 20_000;

export function idleConfigFrom(session: { idleTimeoutSeconds: number; idleWarningSeconds: number }): IdleConfig {
  return { timeoutMs: Math.max(1, session.idleTimeoutSeconds) * 1000, warningMs: Math.max(MIN_WARNING_MS, session.idleWarningSeconds * 1000) };
}

export function idlePhaseAt(now: number, lastActivityAt: number, config: IdleConfig): IdlePhase {
  const warnAt = lastActivityAt + config.timeoutMs;
  const lockAt = warnAt + config.warningMs;
  if (now < warnAt) return { phase: 'active', nextChangeAt: warnAt };
  if (now < lockAt) return { phase: 'warning', nextChangeAt: lockAt, secondsLeft: Math.ceil((lockAt - now) / 1000) };
  return { phase: 'expired' };
}
