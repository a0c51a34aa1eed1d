// "Password change required" (personal mode): TrustID wants a new password before it lets this
// account in. Changes it and signs in at once (`trustid-change-password`). Renderer process.
// All three fields are cleared the moment the form is submitted.
import { useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ScreenHeading } from '../../components/ScreenHeading';
import { applySession, setOfferOfflinePin } from '../../stores/session-store';
import { PasswordField } from './PasswordField';
import { classifySignInError } from './sign-in-errors';

const MIN_LENGTH = 8; // the contract's floor for newPassword; TrustID may ask for more and says so

export function ChangePasswordForm({ username, reason, onLocked, onCancel }: { username: string; reason: string; onLocked(message: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<{ field: 'current' | 'next' | 'again' | 'form'; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return setProblem({ field: 'current', message: t('signIn.change.currentMissing') });
    if (next.length < MIN_LENGTH) return setProblem({ field: 'next', message: t('signIn.change.tooShort', { min: MIN_LENGTH }) });
    if (next === current) return setProblem({ field: 'next', message: t('signIn.change.same') });
    if (next !== again) return setProblem({ field: 'again', message: t('signIn.change.mismatch') });
    const request = { method: 'trustid-change-password' as const, username, password: current, newPassword: next };
    // Cleared from state and DOM before the request leaves.
    flushSync(() => {
      setCurrent('');
      setNext('');
      setAgain('');
    });
    setProblem(null);
    setBusy(true);
    try {
      const view = await getBridge().invoke('session.signIn', request);
      if (!view.offlinePinSet) setOfferOfflinePin(true);
      applySession(view);
    } catch (error) {
      const failure = classifySignInError(error);
      if (failure.kind === 'locked') onLocked(failure.message);
      else setProblem({ field: 'form', message: failure.message });
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (field: 'current' | 'next' | 'again') => (problem?.field === field ? problem.message : null);
  return (
    <form className="sign-in-step" onSubmit={submit} noValidate data-testid="change-password">
      <ScreenHeading focusOnMount>{t('signIn.change.title')}</ScreenHeading>
      <p>{reason}</p>
      <p>{t('signIn.change.intro', { username })}</p>
      <PasswordField label={t('signIn.change.current')} value={current} onChange={setCurrent} error={errorFor('current')} disabled={busy} testId="change-current" />
      <PasswordField label={t('signIn.change.next')} hint={t('signIn.change.nextHint', { min: MIN_LENGTH })} value={next} onChange={setNext} error={errorFor('next')} disabled={busy} testId="change-next" />
      <PasswordField label={t('signIn.change.again')} value={again} onChange={setAgain} error={errorFor('again')} disabled={busy} testId="change-again" />
      {problem?.field === 'form' && (
        <p className="field-error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('components.working') : t('signIn.change.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('signIn.change.cancel')}
        </button>
      </div>
    </form>
  );
}
