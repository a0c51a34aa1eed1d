// The renderer's root: frame, error boundary, and what the session allows — the sign-in screen
// when nobody is signed in (whatever the route), the lock screen when locked, else the current
// screen with the idle guard. Renderer process.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { screens } from './app/screens';
import { startStaffSync } from './app/staff-sync';
import { useHeadingFocus } from './app/use-heading-focus';
import { useNavigation } from './app/navigation-store';
import { getBridge } from './bridge';
import { AppFrame } from './components/AppFrame';
import { useDiskHealth } from './components/DiskNotice';
import { ErrorBoundary } from './components/ErrorBoundary';
import { IdleGuard } from './components/IdleGuard';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { LockScreen } from './features/sign-in/LockScreen';
import { OfflinePinDialog } from './features/sign-in/OfflinePinDialog';
import { SignInScreen } from './features/sign-in/SignInScreen';
import { useAppStore } from './stores/app-store';
import { reloadSession, useSessionStore } from './stores/session-store';

export function App() {
  const route = useNavigation((s) => s.route);
  const reset = useNavigation((s) => s.reset);
  const state = useSessionStore((s) => s.session?.state ?? null);

  useEffect(() => startStaffSync(getBridge()), []);
  useHeadingFocus(`${state}:${route.screen}:${JSON.stringify(route.params)}`);

  let content;
  if (state === null) content = <SessionPending />;
  // Settings stay reachable signed out, through the admin PIN (issue 11 §3: no lock-out).
  else if (state === 'signed-out') content = route.screen === 'settings' ? <SettingsScreen params={{}} /> : <SignInScreen params={{}} />;
  else if (state === 'locked') content = <LockScreen />;
  else {
    const Screen = screens[route.screen];
    content = <Screen params={route.params} />;
  }
  return (
    <AppFrame>
      <ErrorBoundary onReset={() => reset()}>{content}</ErrorBoundary>
      {state === 'signed-in' && (
        <>
          <IdleGuard />
          <OfflinePinDialog />
        </>
      )}
    </AppFrame>
  );
}

/** Before main has said who is signed in: connecting, or why it cannot. One alert at most. */
function SessionPending() {
  const { t } = useTranslation();
  const startError = useAppStore((s) => s.startError);
  const loadError = useSessionStore((s) => s.loadError);
  const diskFull = useDiskHealth()?.state === 'down';
  const problem = startError ? t('errors.startFailed', { message: startError }) : loadError ? t('session.loadFailed', { message: loadError }) : null;
  return (
    <section className="panel" data-testid="session-pending" aria-labelledby="session-pending-title">
      <h1 id="session-pending-title">{t('frame.productName')}</h1>
      {diskFull ? (
        // The frame's notice says what is wrong and what to do; main starts by itself once there is room.
        <p role="status" className="disk-waiting" data-testid="disk-waiting">
          <span className="spinner" aria-hidden="true" />
          {t('disk.waiting')}
        </p>
      ) : problem ? (
        <>
          <p className="error-text" role="alert">
            {problem}
          </p>
          <button type="button" className="button" onClick={() => void reloadSession(getBridge())}>
            {t('session.tryAgain')}
          </button>
        </>
      ) : (
        <p role="status">{t('session.loading')}</p>
      )}
    </section>
  );
}
