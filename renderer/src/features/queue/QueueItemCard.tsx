// One application in the queue: its state in plain words, upload progress, why it needs attention
// and the staff actions main offers, the result link, and (admins) discard with a reason.
// Renderer process.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DiscardReason, type QueueItem, type StaffAction } from '../../../../preload/contract';
import { useNavigation } from '../../app/navigation-store';
import { getBridge } from '../../bridge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { CONFIRMED_ACTIONS, WORDED_REASONS, STATE_TONE, isUnsent, uploadPercent } from './queue-words';

const DISCARD_REASONS = DiscardReason.options;

export function QueueItemCard({ item, admin, formatTime }: { item: QueueItem; admin: boolean; formatTime: (ms: number) => string }) {
  const { t } = useTranslation();
  const navigate = useNavigation((s) => s.navigate);
  const [busy, setBusy] = useState<StaffAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState<DiscardReason | ''>('');

  const stateWords = t(`queue.state.${item.state}`);
  const percent = item.state === 'uploading' ? uploadPercent(item) : null;
  // main's detail adds to the badge unless it only repeats it (or the progress bar's words).
  // A reason worded in the staff member's language below replaces main's English detail line.
  const worded = item.attention !== null && WORDED_REASONS.has(item.attention.reason);
  const showDetail = !worded && item.detail.trim() && item.detail.trim().toLowerCase() !== stateWords.toLowerCase() && item.state !== 'uploading';
  const headingId = `queue-item-${item.id}`;

  const act = async (action: StaffAction) => {
    setBusy(action);
    setError(null);
    try {
      await getBridge().invoke('queue.act', { id: item.id, action });
      // A retake continues in the capture screen, where main has the application's draft.
      if (action === 'retake') navigate('capture', { applicationId: item.id });
    } catch (failure) {
      setError((failure as Error).message);
      throw failure;
    } finally {
      setBusy(null);
    }
  };

  return (
    <li className="queue-item panel" data-testid="queue-item" data-state={item.state} aria-labelledby={headingId}>
      <div className="queue-item-head">
        <h2 id={headingId} className="queue-ref">
          {item.localReference}
        </h2>
        <StatusBadge tone={STATE_TONE[item.state]} testId="queue-item-state">
          {stateWords}
        </StatusBadge>
      </div>
      <p className="queue-meta">{t('queue.capturedAt', { time: formatTime(item.capturedAt) })}</p>
      {showDetail && <p className="queue-detail">{item.detail}</p>}
      {item.state === 'uploading' && (
        <ProgressBar label={t('queue.uploadLabel', { ref: item.localReference })} value={percent} valueText={percent === null ? t('queue.uploadStarting') : t('queue.uploading', { percent })} showLabel />
      )}
      {item.attention && (
        <div className="queue-attention" data-testid="queue-attention">
          {WORDED_REASONS.has(item.attention.reason) ? (
            <>
              <p>
                <strong>{t(`queue.reason.${item.attention.reason}.title`)}</strong>
              </p>
              <p>{t(`queue.reason.${item.attention.reason}.body`)}</p>
            </>
          ) : (
            <>
              <p>
                <strong>{item.attention.reason}</strong>
              </p>
              <p>{item.attention.message}</p>
            </>
          )}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {item.state === 'result-ready' && (
          <button type="button" className="button button-primary" onClick={() => navigate('result-detail', { id: item.id })} data-testid="queue-open-result">
            {t('queue.openResult')}
          </button>
        )}
        {item.attention?.actions.map((action) =>
          CONFIRMED_ACTIONS.has(action) ? (
            <ConfirmButton
              key={action}
              title={t(`queue.confirm.${action}.title`)}
              message={t(`queue.confirm.${action}.body`)}
              confirmLabel={t(`queue.action.${action}`)}
              tone={action === 'cancel' ? 'danger' : 'primary'}
              className="button"
              disabled={busy !== null}
              onConfirm={() => act(action)}
              testId={`queue-action-${action}`}
            >
              {t(`queue.action.${action}`)}
            </ConfirmButton>
          ) : (
            <button key={action} type="button" className="button" disabled={busy !== null} aria-busy={busy === action || undefined} onClick={() => void act(action).catch(() => undefined)} data-testid={`queue-action-${action}`}>
              {busy === action ? t('components.working') : t(`queue.action.${action}`)}
            </button>
          ),
        )}
        {admin && isUnsent(item) && (
          <ConfirmButton
            title={t('queue.discard.title', { ref: item.localReference })}
            message={t('queue.discard.body')}
            confirmLabel={t('queue.discard.confirm')}
            tone="danger"
            className="button"
            confirmDisabled={reason === ''}
            onOpenChange={() => setReason('')}
            onConfirm={() => (reason === '' ? Promise.resolve() : getBridge().invoke('queue.discard', { id: item.id, reason }))}
            body={
              // Coded reasons only: free text could carry a visitor's name into the audit log.
              <fieldset className="choice-list" data-testid="queue-discard-reason">
                <legend>{t('queue.discard.reason')}</legend>
                {DISCARD_REASONS.map((r) => (
                  <label key={r} className="choice">
                    <input type="radio" name={`discard-${item.id}`} value={r} checked={reason === r} onChange={() => setReason(r)} />
                    {t(`queue.discard.reasons.${r}`)}
                  </label>
                ))}
              </fieldset>
            }
            testId="queue-discard"
          >
            {t('queue.discard.button')}
          </ConfirmButton>
        )}
      </div>
    </li>
  );
}
