// The capture screen (renderer): choose the document type, then scan → review → details and
// Submit → receipt → Finish. Mirrors main's draft; picks up a draft main still holds (after the
// idle lock) when it mounts.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProgressBar } from '../../components/ProgressBar';
import { BridgeError } from '../../bridge';
import { useNavigation, type Route } from '../../app/navigation-store';
import { loadCapture, setStage, startCaptureSync, useCaptureStore, type CaptureStage } from '../../stores/capture-store';
import { finishVisit } from '../../stores/capture-visitor';
import { startDevicesSync } from '../../stores/devices-store';
import { DetailsPanel } from './DetailsPanel';
import { ReviewPanel } from './ReviewPanel';
import { ScanPanel } from './ScanPanel';
import { StartPanel } from './StartPanel';
import { SubmittedPanel } from './SubmittedPanel';
import { UnfinishedPanel } from './UnfinishedPanel';
import './capture.css';
import '../../media/media.css';

/** The route this screen last mounted for: the same one again means it is back after the idle lock. */
let lastRoute: Route | null = null;

export function CaptureScreen(_props: { params: Record<string, string> }) {
  const { t } = useTranslation();
  const hasDraft = useCaptureStore((s) => s.draft !== null);
  const hasReceipt = useCaptureStore((s) => s.receipt !== null);
  const unfinished = useCaptureStore((s) => s.unfinished !== null);
  const loading = useCaptureStore((s) => s.busy === 'load');
  const stage = useCaptureStore((s) => s.stage);

  useEffect(() => {
    const stops = [startCaptureSync(), startDevicesSync()];
    // Arriving here afresh (New check) is starting a check; mounting again on the same route is the
    // screen coming back after the idle lock, where the open check simply carries on.
    const route = useNavigation.getState().route;
    // A check just started elsewhere (the Queued screen's pick, `started`) is not an unfinished one.
    const starting = route.screen === 'capture' && route !== lastRoute && route.params.started === undefined;
    lastRoute = route;
    void loadCapture({ ask: starting });
    return () => stops.forEach((stop) => stop());
  }, []);

  if (unfinished) return <UnfinishedPanel />;
  if (hasReceipt) return <SubmittedPanel />;
  if (!hasDraft) {
    return loading ? (
      <section className="panel" aria-labelledby="capture-loading-title">
        <h1 id="capture-loading-title">{t('capture.start.title')}</h1>
        <ProgressBar label={t('capture.loading')} value={null} showLabel />
      </section>
    ) : (
      <StartPanel />
    );
  }
  return (
    <div className="capture" data-testid="capture-screen" data-stage={stage}>
      <CaptureBar />
      <div className="panel">{stage === 'scan' ? <ScanPanel /> : stage === 'review' ? <ReviewPanel /> : <DetailsPanel />}</div>
    </div>
  );
}

const stages: CaptureStage[] = ['scan', 'review', 'details'];

function CaptureBar() {
  const { t } = useTranslation();
  const stage = useCaptureStore((s) => s.stage);
  const queued = useCaptureStore((s) => s.draft?.queuedApplication ?? null);
  const canReview = useCaptureStore((s) => !!s.draft?.documents[s.activeDocument]?.steps.some((step) => step.image));
  const anyImage = useCaptureStore((s) => !!s.draft?.documents.some((d) => d.steps.some((step) => step.image)));
  // Every change staff ask of main shows that it is under way (scan, load and submit have their own).
  const working = useCaptureStore((s) => s.busy !== null && s.busy !== 'scan' && s.busy !== 'load' && s.busy !== 'submit');

  async function cancel() {
    if (!(await finishVisit())) {
      const error = useCaptureStore.getState().error;
      throw new BridgeError(error?.code ?? 'renderer.failed', error?.message ?? t('capture.cancelFailed'));
    }
  }

  return (
    <div className="capture-bar">
      <nav aria-label={t('capture.stages.label')}>
        <ol className="stage-list">
          {stages.map((s, i) => (
            <li key={s}>
              <button
                type="button"
                className="button stage-button"
                aria-current={stage === s ? 'step' : undefined}
                disabled={s !== 'scan' && !canReview && !anyImage}
                onClick={() => setStage(s)}
                data-testid={`stage-${s}`}
              >
                <span className="stage-number" aria-hidden="true">
                  {i + 1}
                </span>
                {t(`capture.stages.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <p className="capture-working" role="status" aria-live="polite" data-testid="capture-working">
        {working ? t('capture.working') : ''}
      </p>
      {queued && (
        <p className="capture-queued" data-testid="capture-queued">
          {t('capture.queuedInto', { name: queued.name })}
        </p>
      )}
      <ConfirmButton
        title={t('capture.cancelTitle')}
        message={t('capture.cancelMessage')}
        confirmLabel={t('capture.cancelConfirm')}
        cancelLabel={t('capture.cancelKeep')}
        tone="danger"
        className="button button-quiet"
        onConfirm={cancel}
        testId="cancel-capture"
      >
        {t('capture.cancelCheck')}
      </ConfirmButton>
    </div>
  );
}
