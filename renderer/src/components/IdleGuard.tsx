// The idle lock (issue 6 §9): watches for staff input while signed in; after the idle timeout it
// asks "Are you still here?" for at least 20 s, then locks through main. Renderer process.
// Time comes from an injected clock so tests drive it with fake timers; the phase is recomputed
// from the clock on every tick, so a late or throttled timer can only lock sooner, never skip it.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../bridge';
import { idleConfigFrom, idlePhaseAt } from '../stores/idle-timer';
import { useIdleStore } from '../stores/idle-store';
import { lockSession, useSessionStore } from '../stores/session-store';
import { Dialog } from './Dialog';

export type IdleClock = {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const browserIdleClock: IdleClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Input that counts as someone at the desk. Not mousemove: a nudged mouse is not a person. */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function IdleGuard({ clock = browserIdleClock, lock = () => lockSession(getBridge()) }: { clock?: IdleClock; lock?: () => Promise<void> }) {
  const signedIn = useSessionStore((s) => s.session?.state === 'signed-in');
  const timeoutSeconds = useSessionStore((s) => s.session?.idleTimeoutSeconds ?? 0);
  const warningSeconds = useSessionStore((s) => s.session?.idleWarningSeconds ?? 0);
  const stillHere = useRef<() => void>(() => undefined);
  const lockRef = useRef(lock);
  lockRef.current = lock;

  useEffect(() => {
    if (!signedIn || timeoutSeconds <= 0) return;
    const config = idleConfigFrom({ idleTimeoutSeconds: timeoutSeconds, idleWarningSeconds: warningSeconds });
    let lastActivity = clock.now();
    let warning = false;
    let locking = false;
    let handle: unknown = null;

    const schedule = (at: number) => {
      if (handle !== null) clock.clearTimeout(handle);
      handle = clock.setTimeout(tick, Math.max(0, at - clock.now()));
    };
    const setWarning = (on: boolean, secondsLeft = 0) => {
      warning = on;
      useIdleStore.setState({ warning: on, secondsLeft });
    };
    function tick() {
      handle = null;
      const phase = idlePhaseAt(clock.now(), lastActivity, config);
      if (phase.phase === 'active') {
        if (warning) setWarning(false);
        schedule(phase.nextChangeAt);
      } else if (phase.phase === 'warning') {
        setWarning(true, phase.secondsLeft);
        // Wake when the count goes down by one (the last second ends at the lock).
        schedule(phase.nextChangeAt - (phase.secondsLeft - 1) * 1000);
      } else {
        setWarning(false);
        if (!locking) {
          locking = true;
          void lockRef.current();
        }
      }
    }
    // While the warning is up only "I'm still here" keeps the session: a stray touch on the
    // overlay should not, and the dialog makes the page behind it inert anyway.
    const onActivity = () => {
      if (!warning) lastActivity = clock.now();
    };
    stillHere.current = () => {
      lastActivity = clock.now();
      setWarning(false);
      schedule(lastActivity + config.timeoutMs);
    };

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    schedule(lastActivity + config.timeoutMs);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      if (handle !== null) clock.clearTimeout(handle);
      stillHere.current = () => undefined;
      useIdleStore.setState({ warning: false, secondsLeft: 0 });
    };
  }, [signedIn, timeoutSeconds, warningSeconds, clock]);

  return <IdleWarning onStillHere={() => stillHere.current()} />;
}

function IdleWarning({ onStillHere }: { onStillHere: () => void }) {
  const { t } = useTranslation();
  const warning = useIdleStore((s) => s.warning);
  const secondsLeft = useIdleStore((s) => s.secondsLeft);
  return (
    <Dialog
      open={warning}
      title={t('idle.title')}
      role="alertdialog"
      onClose={onStillHere}
      testId="idle-warning"
      actions={
        <button type="button" className="button button-primary" onClick={onStillHere} data-testid="idle-still-here">
          {t('idle.stillHere')}
        </button>
      }
    >
      <p>{t('idle.body')}</p>
      {/* role=timer is not announced every second (implicit aria-live off); the dialog is, once. */}
      <p className="idle-countdown" role="timer" data-testid="idle-countdown">
        {t('idle.countdown', { seconds: secondsLeft })}
      </p>
    </Dialog>
  );
}
