// After Submit (renderer, issue 10 §1): the screen follows the application live — saved on this
// kiosk → sending (image by image) → with TrustID, being checked (elapsed time) → the verdict in
// place with "Open result". Offline it says so and what happens next. Staff may Finish at any time;
// the result is then announced on whatever screen they are (ResultNotice in the app frame).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmissionView } from '../../../../preload/contract';
import { getBridge } from '../../bridge';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge, type StatusTone } from '../../components/StatusBadge';
import { useCaptureStore } from '../../stores/capture-store';
import { finishAndOpenResult, finishVisit } from '../../stores/capture-visitor';
import { dismissArrival } from '../../stores/result-notices';

const order: SubmissionView['stage'][] = ['saved', 'sending', 'checking', 'result'];
const verdictTone: Record<string, StatusTone> = { accepted: 'ok', referred: 'warn', failed: 'bad', rejected: 'bad', 'no-validation': 'neutral', undefined: 'neutral', processing: 'busy' };

function useSubmission(applicationId: string | null): { view: SubmissionView | null; failed: boolean } {
  const [view, setView] = useState<SubmissionView | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!applicationId) return;
    const bridge = getBridge();
    const stop = bridge.on('capture.submissionChanged', (next) => {
      if (next.applicationId === applicationId) setView(next);
    });
    bridge.invoke('capture.submission', { applicationId }).then(
      (first) => setView((current) => current ?? first),
      () => setFailed(true),
    );
    return stop;
  }, [applicationId]);
  return { view, failed };
}

/** Seconds since `from`, ticking once a second while `running`. */
function useElapsed(from: number | null, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return from === null ? 0 : Math.max(0, Math.floor((now - from) / 1000));
}

export function SubmittedPanel() {
  const { t } = useTranslation();
  const receipt = useCaptureStore((s) => s.receipt);
  const finishing = useCaptureStore((s) => s.busy === 'finish');
  const error = useCaptureStore((s) => (s.error?.task === 'finish' ? s.error.message : null));
  const { view, failed } = useSubmission(receipt?.applicationId ?? null);
  const elapsed = useElapsed(view?.sentAt ?? null, view?.stage === 'checking');
  if (!receipt) return null;
  const stage = view?.stage ?? (receipt.queued ? 'saved' : 'sending');
  const offline = view ? view.offline && (stage === 'saved' || stage === 'sending') : receipt.queued;
  const at = order.indexOf(stage);
  const minutes = Math.floor(elapsed / 60);
  const seconds = elapsed % 60;

  return (
    <section className="panel submitted" aria-labelledby="submitted-title" data-testid="receipt" data-stage={stage} data-queued={offline}>
      <div className="submitted-head">
        <div>
          <h1 id="submitted-title" tabIndex={-1}>
            {t(`capture.submitted.title.${offline ? 'offline' : stage}`)}
          </h1>
          <p className="receipt-reference-label">{t('capture.receipt.reference')}</p>
          <p className="receipt-reference" data-testid="receipt-reference">
            {receipt.localReference}
          </p>
        </div>
        <div className="submitted-actions">
          {view?.stage === 'result' && (
            <button type="button" className="button button-primary button-large" onClick={() => void finishAndOpenResult(view.applicationId)} data-testid="open-result">
              {t('capture.submitted.openResult')}
            </button>
          )}
          <button
            type="button"
            className={`button button-large${view?.stage === 'result' ? '' : ' button-primary'}`}
            disabled={finishing}
            onClick={() => {
              // The verdict was read here: Finish needs no notice of it afterwards.
              if (view?.stage === 'result') dismissArrival(view.applicationId);
              void finishVisit();
            }}
            data-testid="finish"
          >
            {finishing ? t('capture.working') : t('capture.receipt.finish')}
          </button>
        </div>
      </div>
      <ol className="submitted-steps" aria-label={t('capture.submitted.stepsLabel')} data-testid="submitted-steps">
        {order.map((step, i) => {
          const state = i < at ? 'done' : i === at ? 'current' : 'todo';
          return (
            <li key={step} className={`submitted-step submitted-${state}`} aria-current={state === 'current' ? 'step' : undefined} data-testid={`submitted-${step}`} data-state={state}>
              <StatusBadge tone={state === 'done' ? 'ok' : state === 'current' ? (step === 'result' ? verdictTone[view?.verdict ?? 'undefined'] ?? 'neutral' : 'busy') : 'neutral'}>
                {t(`capture.submitted.${state === 'done' ? 'stepsDone' : 'steps'}.${step}`)}
              </StatusBadge>
              {state === 'current' && step === 'sending' && view && (
                <ProgressBar
                  label={t('capture.submitted.images')}
                  value={view.images.sent + (view.images.current?.percent ?? 0) / 100}
                  max={Math.max(1, view.images.total)}
                  valueText={
                    view.images.current
                      ? t('capture.submitted.imageProgress', { n: view.images.current.number, total: view.images.total, percent: view.images.current.percent })
                      : t('capture.submitted.imagesSent', { sent: view.images.sent, total: view.images.total })
                  }
                  showLabel
                  testId="submitted-upload"
                />
              )}
              {state === 'current' && step === 'checking' && (
                <div className="submitted-detail">
                  <ProgressBar label={t('capture.submitted.checkingLabel')} value={null} />
                  <p data-testid="submitted-elapsed">{t('capture.submitted.elapsed', { minutes, seconds: String(seconds).padStart(2, '0') })}</p>
                  <p>{view?.referred ? t('capture.submitted.referred') : t('capture.submitted.expertNote')}</p>
                </div>
              )}
              {step === 'result' && view?.stage === 'result' && (
                <p className="submitted-verdict" data-testid="submitted-verdict" data-verdict={view.verdict ?? 'undefined'}>
                  {t(`capture.submitted.verdicts.${view.verdict ?? 'undefined'}`)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {offline && (
        <p className="capture-note" role="status" data-testid="submitted-offline">
          {t('capture.submitted.offline')}
        </p>
      )}
      {view?.stage === 'attention' && (
        <p className="capture-problem" role="alert" data-testid="submitted-attention">
          {t('capture.submitted.attention')}
        </p>
      )}
      {view?.stage === 'closed' && <p data-testid="submitted-closed">{t('capture.submitted.closed')}</p>}
      {failed && !view && (
        <p className="error-text" role="alert">
          {t('capture.submitted.unavailable')}
        </p>
      )}
      {stage !== 'result' && <p className="capture-subtitle">{t('capture.submitted.leaveHelp')}</p>}
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
