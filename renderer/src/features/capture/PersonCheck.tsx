// The operator confirms the person at the desk matches the photo (renderer, `capture.confirmPerson`).
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { confirmPerson, useCaptureStore } from '../../stores/capture-store';
import { CaptureImage } from './CaptureImage';
import { holderPhoto } from './capture-steps';

export function PersonCheck() {
  const { t } = useTranslation();
  const photo = useCaptureStore((s) => (s.draft ? holderPhoto(s.draft) : null));
  const confirmed = useCaptureStore((s) => s.draft?.personConfirmed ?? false);
  const answer = useCaptureStore((s) => s.personAnswer);
  const busy = useCaptureStore((s) => s.busy === 'confirm');
  const error = useCaptureStore((s) => (s.error?.task === 'confirm' ? s.error.message : null));

  return (
    <section className="capture-section person-check" aria-labelledby="person-title" data-testid="person-section">
      <h2 id="person-title">{t('capture.person.title')}</h2>
      <div className="person-layout">
        <div className="person-photo">{photo ? <CaptureImage image={photo} label={t('capture.person.photo')} maxEdge={480} testId="person-photo" /> : <p>{t('capture.person.noPhoto')}</p>}</div>
        <div>
          <p id="person-question">{t('capture.person.question')}</p>
          <div className="button-row" role="group" aria-labelledby="person-question">
            <button type="button" className={`button${confirmed ? ' button-primary' : ''}`} aria-pressed={confirmed} disabled={busy} onClick={() => void confirmPerson(true)} data-testid="person-yes">
              {t('capture.person.yes')}
            </button>
            <button type="button" className="button" aria-pressed={answer === false} disabled={busy} onClick={() => void confirmPerson(false)} data-testid="person-no">
              {t('capture.person.no')}
            </button>
          </div>
          <p role="status" aria-live="polite" data-testid="person-status">
            {confirmed ? <StatusBadge tone="ok">{t('capture.person.confirmed')}</StatusBadge> : answer === false ? <StatusBadge tone="bad">{t('capture.person.mismatch')}</StatusBadge> : null}
          </p>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
