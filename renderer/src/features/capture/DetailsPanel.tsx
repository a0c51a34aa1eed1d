// The last stage of a check (renderer): the documents, the application's custom fields, the
// photo check, and Submit — disabled, with the reasons listed, while main reports blockers.
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { useAppStore } from '../../stores/app-store';
import { submitCapture, useCaptureStore } from '../../stores/capture-store';
import { DocumentFieldsForm } from './DocumentFieldsForm';
import { DocumentsSection } from './DocumentsSection';
import { FieldsForm } from './FieldsForm';
import { IdentityCheck } from './IdentityCheck';
import { PersonCheck } from './PersonCheck';
import { useStageHeading } from './use-stage-heading';

export function DetailsPanel() {
  const { t } = useTranslation();
  const heading = useStageHeading();
  return (
    <section className="capture-stage" aria-labelledby="details-title" data-testid="details-stage">
      <h1 id="details-title" ref={heading} tabIndex={-1}>
        {t('capture.details.title')}
      </h1>
      {/* First when the documents disagree: it is what stops Submit. */}
      <IdentityCheck />
      <DocumentsSection />
      <FieldsForm />
      <DocumentFieldsForm />
      <PersonCheck />
      <SubmitSection />
      <SubmitBar />
    </section>
  );
}

function SubmitSection() {
  const { t } = useTranslation();
  const blockers = useCaptureStore((s) => s.draft?.blockers ?? []);
  const identityBlocks = useCaptureStore((s) => s.draft?.identity.blocking ?? false);
  const error = useCaptureStore((s) => (s.error?.task === 'submit' ? s.error.message : null));
  // Health is advice only: main decides whether the check is sent now or queued.
  const offline = useAppStore((s) => s.connection === 'open' && s.health?.components.some((c) => c.id === 'trustid' && c.state === 'down'));
  const blocked = blockers.length > 0 || identityBlocks;

  return (
    <section className="capture-section submit-section" aria-labelledby="submit-title" data-testid="submit-section">
      <h2 id="submit-title">{t('capture.submit.title')}</h2>
      {blocked ? (
        <div id="submit-blockers" className="capture-problem" data-testid="submit-blockers">
          <p>{t('capture.submit.blocked')}</p>
          <ul>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
            {identityBlocks && <li>{t('capture.identity.blocker')}</li>}
          </ul>
        </div>
      ) : (
        <p id="submit-blockers">{offline ? t('capture.submit.offline') : t('capture.submit.ready')}</p>
      )}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Sticky at the bottom of the stage: Submit is always in sight, whatever is above it. */
function SubmitBar() {
  const { t } = useTranslation();
  const blockers = useCaptureStore((s) => s.draft?.blockers ?? []);
  const identityBlocks = useCaptureStore((s) => s.draft?.identity.blocking ?? false);
  const busy = useCaptureStore((s) => s.busy);
  const submitting = busy === 'submit';
  const blocked = blockers.length > 0 || identityBlocks;
  return (
    <div className="capture-actions submit-bar">
      {blocked && (
        <span className="submit-blocked-short" data-testid="submit-blocked-short">
          {t('capture.submit.blockedShort', { count: blockers.length + (identityBlocks ? 1 : 0) })}
        </span>
      )}
      {submitting && <ProgressBar label={t('capture.submit.submitting')} value={null} showLabel testId="submit-progress" />}
      <button type="button" className="button button-primary button-large" disabled={blocked || busy !== null} aria-describedby="submit-blockers" onClick={() => void submitCapture()} data-testid="submit">
        {submitting ? t('capture.submit.submitting') : t('capture.submit.submit')}
      </button>
    </div>
  );
}
