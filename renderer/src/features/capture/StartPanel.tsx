// The first step of a check (renderer): which document has the visitor brought?
import { useTranslation } from 'react-i18next';
import { ProgressBar } from '../../components/ProgressBar';
import { startCapture, useCaptureStore } from '../../stores/capture-store';
import { DocumentTypePicker } from './DocumentTypePicker';
import { RecoveredChecks } from './RecoveredChecks';

export function StartPanel() {
  const { t } = useTranslation();
  const starting = useCaptureStore((s) => s.busy === 'start');
  const error = useCaptureStore((s) => (s.error?.task === 'start' || s.error?.task === 'load' ? s.error.message : null));
  return (
    <section className="panel capture-start" aria-labelledby="capture-start-title" data-testid="capture-start">
      <h1 id="capture-start-title" tabIndex={-1}>
        {t('capture.start.title')}
      </h1>
      <p id="capture-start-question">{t('capture.start.question')}</p>
      <DocumentTypePicker labelledBy="capture-start-question" disabled={starting} onPick={(documentType) => void startCapture({ documentType })} />
      {starting && <ProgressBar label={t('capture.start.starting')} value={null} showLabel />}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <RecoveredChecks />
    </section>
  );
}
