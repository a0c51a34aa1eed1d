// The lock screen (issue 6 §9): no personal data — only the frame and the signed-in staff name.
// Unlocking returns to the same screen with the unfinished capture intact (the lock resets no
// visitor store). "Sign out and start again" is the way out for someone else. Renderer process.
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PinPad } from '../../components/PinPad';
import { ScreenHeading } from '../../components/ScreenHeading';
import { signOutAndForget, unlockSession, useSessionStore } from '../../stores/session-store';
import { PasswordField } from './PasswordField';

export function LockScreen() {
  const { t } = useTranslation();
  const name = useSessionStore((s) => s.session?.staff?.displayName ?? null);
  const mode = useSessionStore((s) => s.session?.accountMode ?? 'personal');
  const offlinePinSet = useSessionStore((s) => s.session?.offlinePinSet ?? false);
  const pinFirst = mode === 'shared' || offlinePinSet;
  const [usePassword, setUsePassword] = useState(!pinFirst);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unlock = async (request: { pin: string } | { password: string }) => {
    setError(null);
    setBusy(true);
    try {
      await unlockSession(getBridge(), request);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError(t('signIn.passwordMissing'));
    const given = password;
    flushSync(() => setPassword('')); // cleared from the form and the DOM before it is sent
    void unlock({ password: given });
  };

  return (
    <section className="panel lock-screen" data-testid="lock-screen" aria-labelledby="lock-title">
      <ScreenHeading id="lock-title">{t('signIn.lock.title')}</ScreenHeading>
      <p>{t('signIn.lock.intro')}</p>
      {name && <p data-testid="lock-staff">{t('signIn.lock.signedIn', { name })}</p>}
      {usePassword ? (
        <form onSubmit={submitPassword} noValidate>
          <PasswordField label={t('signIn.password')} value={password} onChange={setPassword} error={error} disabled={busy} autoFocus testId="unlock-password" />
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
              {busy ? t('components.working') : t('signIn.lock.unlock')}
            </button>
            {pinFirst && (
              <button type="button" className="button button-quiet" onClick={() => (setError(null), setUsePassword(false))}>
                {t('signIn.lock.usePin')}
              </button>
            )}
          </div>
        </form>
      ) : (
        <>
          <PinPad label={t('signIn.lock.pin')} submitLabel={t('signIn.lock.unlock')} onSubmit={(pin: string) => unlock({ pin })} error={error} autoFocus testId="unlock-pin" />
          {mode === 'personal' && (
            <button type="button" className="button button-quiet" onClick={() => (setError(null), setUsePassword(true))}>
              {t('signIn.lock.usePassword')}
            </button>
          )}
        </>
      )}
      <div className="lock-other">
        <ConfirmButton
          title={t('signIn.lock.startAgainTitle')}
          message={t('signIn.lock.startAgainBody')}
          confirmLabel={t('signIn.lock.startAgainConfirm')}
          tone="danger"
          className="button"
          onConfirm={() => signOutAndForget(getBridge())}
          testId="lock-start-again"
        >
          {t('signIn.lock.startAgain')}
        </ConfirmButton>
      </div>
    </section>
  );
}
