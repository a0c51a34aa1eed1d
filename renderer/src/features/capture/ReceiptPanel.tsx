// After Submit (renderer): the local reference to read to the visitor, whether the check was
// queued on this kiosk or is being sent now, and Finish, which forgets the visitor everywhere.
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components/StatusBadge';
import { useCaptureStore } from '../../stores/capture-store';
import { finishVisit } from '../../stores/capture-visitor';

export function ReceiptPanel() {
  const { t } = useTranslation();
  const receipt = useCaptureStore((s) => s.receipt);
  const finishing = useCaptureStore((s) => s.busy === 'finish');
  const error = useCaptureStore((s) => (s.error?.task === 'finish' ? s.error.message : null));
  if (!receipt) return null;
  return (
    <section className="panel receipt" aria-labelledby="receipt-title" data-testid="receipt" data-queued={receipt.queued}>
      <h1 id="receipt-title" tabIndex={-1}>
        {receipt.queued ? t('capture.receipt.queuedTitle') : t('capture.receipt.sentTitle')}
      </h1>
      <p className="receipt-reference-label">{t('capture.receipt.reference')}</p>
      <p className="receipt-reference" data-testid="receipt-reference">
        {receipt.localReference}
      </p>
      <p>
        <StatusBadge tone={receipt.queued ? 'warn' : 'ok'} testId="receipt-state">
          {receipt.queued ? t('capture.receipt.queued') : t('capture.receipt.sent')}
        </StatusBadge>
      </p>
      <p>{receipt.message}</p>
      <p>{receipt.queued ? t('capture.receipt.queuedHelp') : t('capture.receipt.sentHelp')}</p>
      <button type="button" className="button button-primary button-large" disabled={finishing} onClick={() => void finishVisit()} data-testid="finish">
        {finishing ? t('capture.working') : t('capture.receipt.finish')}
      </button>
      <p className="capture-subtitle">{t('capture.receipt.finishHelp')}</p>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
