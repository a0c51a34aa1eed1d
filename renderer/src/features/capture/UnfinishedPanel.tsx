// Starting a check while an unfinished one is open on this kiosk (renderer, issue 11 §2): never
// reopened silently. Staff see when it was started and how far it got — no names or images, it may
// be the previous visitor's — and choose to resume it or discard it (audited in main).
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { BridgeError } from '../../bridge';
import { discardUnfinished, resumeUnfinished, useCaptureStore } from '../../stores/capture-store';

export function UnfinishedPanel() {
  const { t } = useTranslation();
  const draft = useCaptureStore((s) => s.unfinished);
  const discarding = useCaptureStore((s) => s.busy === 'discard');
  if (!draft) return null;
  const images = draft.documents.reduce((n, d) => n + d.steps.filter((s) => s.image).length, 0);
  // Numeric 24-hour time reads the same in English and Welsh; en-GB data because Chromium has no
  // Welsh date data (it would fall back to "06:05 PM").
  const started = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(draft.startedAt);

  async function discard() {
    if (!(await discardUnfinished())) {
      const error = useCaptureStore.getState().error;
      throw new BridgeError(error?.code ?? 'renderer.failed', error?.message ?? t('capture.unfinished.discardFailed'));
    }
  }

  return (
    <section className="panel capture-unfinished" aria-labelledby="unfinished-title" data-testid="capture-unfinished">
      <h1 id="unfinished-title" tabIndex={-1}>
        {t('capture.unfinished.title')}
      </h1>
      <p data-testid="unfinished-summary">{t('capture.unfinished.summary', { time: started, documents: draft.documents.length, images, count: images })}</p>
      <p>{t('capture.unfinished.question')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary button-large" disabled={discarding} onClick={resumeUnfinished} data-testid="unfinished-resume">
          {t('capture.unfinished.resume')}
        </button>
        <ConfirmButton
          title={t('capture.unfinished.discardTitle')}
          message={t('capture.unfinished.discardMessage')}
          confirmLabel={t('capture.unfinished.discardConfirm')}
          cancelLabel={t('capture.cancelKeep')}
          tone="danger"
          className="button button-large"
          disabled={discarding}
          onConfirm={discard}
          testId="unfinished-discard"
        >
          {t('capture.unfinished.discard')}
        </ConfirmButton>
      </div>
    </section>
  );
}
