// Personal mode sign-in (issue 6 §1): each staff member uses their own TrustID account; when
// TrustID cannot be reached, the offline PIN they set on this kiosk after an earlier online
// sign-in. Renderer process. The password is cleared from component state as it is submitted.
import { useEffect, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { PinPad } from '../../components/PinPad';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TextField } from '../../components/TextField';
import { applySession, setOfferOfflinePin } from '../../stores/session-store';
import { ChangePasswordForm } from './ChangePasswordForm';
import { LockedOut } from './LockedOut';
import { PasswordField } from './PasswordField';
import { classifySignInError } from './sign-in-errors';

type Step = { kind: 'password' } | { kind: 'offline-pin' } | { kind: 'change-password'; reason: string } | { kind: 'locked'; message: string };

export function PersonalSignIn({ online }: { online: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: online ? 'password' : 'offline-pin' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [usernameError, setUsernameError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Follow the connection while staff are choosing how to sign in (not mid-way through a change
  // of password or on the lockout screen).
  useEffect(() => {
    setStep((s) => (s.kind === 'password' || s.kind === 'offline-pin' ? { kind: online ? 'password' : 'offline-pin' } : s));
    setError(null);
  }, [online]);

  const checkUsername = () => {
    if (username.trim()) return true;
    setUsernameError(t('signIn.usernameMissing'));
    return false;
  };

  const fail = (failure: unknown) => {
    const result = classifySignInError(failure);
    if (result.kind === 'locked') setStep({ kind: 'locked', message: result.message });
    else if (result.kind === 'change-password') setStep({ kind: 'change-password', reason: result.message });
    else setError(result.message);
  };

  const submitPassword = async (event: FormEvent) => {
    event.preventDefault();
    if (!checkUsername()) return;
    if (!password) return setError(t('signIn.passwordMissing'));
    const request = { method: 'trustid' as const, username: username.trim(), password };
    // Gone from the form, state and DOM alike, before the request leaves (issue 6 §1).
    flushSync(() => setPassword(''));
    setError(null);
    setBusy(true);
    try {
      const view = await getBridge().invoke('session.signIn', request);
      if (!view.offlinePinSet) setOfferOfflinePin(true);
      applySession(view);
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const submitPin = async (pin: string) => {
    if (!checkUsername()) return;
    setError(null);
    try {
      applySession(await getBridge().invoke('session.signIn', { method: 'offline-pin', username: username.trim(), pin }));
    } catch (failure) {
      fail(failure);
    }
  };

  const back = () => {
    setError(null);
    setStep({ kind: online ? 'password' : 'offline-pin' });
  };

  if (step.kind === 'locked') return <LockedOut message={step.message} onBack={back} />;
  if (step.kind === 'change-password') return <ChangePasswordForm username={username.trim()} reason={step.reason} onLocked={(message) => setStep({ kind: 'locked', message })} onCancel={back} />;

  const usernameField = (
    <TextField
      label={t('signIn.username')}
      value={username}
      onChange={(value) => {
        setUsername(value);
        setUsernameError(null);
      }}
      error={usernameError}
      autoComplete="username"
      autoCapitalize="off"
      spellCheck={false}
      disabled={busy}
      testId="sign-in-username"
    />
  );

  if (step.kind === 'offline-pin') {
    return (
      <div className="sign-in-step" data-testid="sign-in-offline">
        <ScreenHeading>{t('signIn.title')}</ScreenHeading>
        <p className="sign-in-notice" role="status">
          {online ? t('signIn.offlineChosen') : t('signIn.offlineIntro')}
        </p>
        {usernameField}
        <PinPad label={t('signIn.offlinePin')} submitLabel={t('signIn.submit')} onSubmit={submitPin} error={error} testId="sign-in-pin" />
        <button type="button" className="button button-quiet" onClick={() => (setError(null), setStep({ kind: 'password' }))}>
          {t('signIn.usePassword')}
        </button>
      </div>
    );
  }

  return (
    <form className="sign-in-step" onSubmit={submitPassword} noValidate data-testid="sign-in-password">
      <ScreenHeading>{t('signIn.title')}</ScreenHeading>
      <p>{t('signIn.personalIntro')}</p>
      {usernameField}
      <PasswordField label={t('signIn.password')} value={password} onChange={setPassword} disabled={busy} testId="sign-in-password-input" />
      {error && (
        <p className="field-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined} data-testid="sign-in-submit">
          {busy ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => (setError(null), setStep({ kind: 'offline-pin' }))}>
          {t('signIn.useOfflinePin')}
        </button>
      </div>
    </form>
  );
}
