// The queue (issue 6 §4): every unsent or awaiting application with its state in plain words,
// live from queue.itemChanged; Sync now; per-item actions; admin discard. Renderer process.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ProgressBar } from '../../components/ProgressBar';
import { describeSync } from '../../components/SyncPill';
import { loadQueue, useQueueStore } from '../../stores/queue-store';
import { useSessionStore } from '../../stores/session-store';
import { QueueItemCard } from './QueueItemCard';

export function QueueScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const items = useQueueStore((s) => s.items);
  const listError = useQueueStore((s) => s.listError);
  const summary = useQueueStore((s) => s.summary);
  const admin = useSessionStore((s) => s.session?.admin ?? false);
  const [syncBusy, setSyncBusy] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);

  useEffect(() => void loadQueue(getBridge()), []);

  const formatTime = useMemo(() => {
    const format = new Intl.DateTimeFormat(i18n.language === 'cy' ? 'cy-GB' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return (ms: number) => format.format(ms);
  }, [i18n.language]);

  const syncNow = async () => {
    setSyncBusy(true);
    setSyncError(null);
    try {
      await getBridge().invoke('queue.syncNow');
    } catch (failure) {
      setSyncError((failure as Error).message);
    } finally {
      setSyncBusy(false);
    }
  };

  const tryAgain = async () => {
    setSyncBusy(true);
    setSyncError(null);
    try {
      await getBridge().invoke('queue.tryAgain');
    } catch (failure) {
      setSyncError((failure as Error).message);
    } finally {
      setSyncBusy(false);
    }
  };

  const status = summary ? describeSync(t, summary) : null;
  const syncing = summary?.syncing ?? null;
  return (
    <section className="queue" data-testid="queue-screen" aria-labelledby="queue-title">
      <h1 id="queue-title">{t('queue.title')}</h1>
      <div className="queue-toolbar panel">
        <div role="status" className="queue-status" data-testid="queue-status">
          {status && <p className="queue-status-text">{status.text}</p>}
          {status?.reason && <p className="queue-status-reason">{status.reason}</p>}
          {summary?.lastSyncAt != null && <p className="queue-meta">{t('queue.lastSync', { time: formatTime(summary.lastSyncAt) })}</p>}
        </div>
        {syncing && <ProgressBar label={t('queue.syncProgress')} value={syncing.current} max={Math.max(syncing.total, 1)} valueText={t('sync.syncing', { current: syncing.current, total: syncing.total })} />}
        <button type="button" className="button button-primary" onClick={() => void syncNow()} disabled={syncBusy || syncing !== null} aria-busy={syncBusy || undefined} data-testid="queue-sync-now">
          {syncBusy || syncing ? t('queue.syncing') : t('queue.syncNow')}
        </button>
        {summary?.connection === 'paused' && (
          <button type="button" className="button" onClick={() => void tryAgain()} disabled={syncBusy} data-testid="queue-try-again">
            {t('queue.tryAgain')}
          </button>
        )}
        {syncError && (
          <p className="field-error" role="alert">
            {syncError}
          </p>
        )}
      </div>
      {listError && (
        <div role="alert" className="queue-error">
          <p className="field-error">{listError}</p>
          <button type="button" className="button" onClick={() => void loadQueue(getBridge())}>
            {t('queue.tryAgain')}
          </button>
        </div>
      )}
      {items === null && !listError && <p role="status">{t('queue.loading')}</p>}
      {items?.length === 0 && (
        <p className="queue-empty" data-testid="queue-empty">
          {t('queue.empty')}
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="queue-list" aria-label={t('queue.listLabel', { n: items.length })}>
          {items.map((item) => (
            <QueueItemCard key={item.id} item={item} admin={admin} formatTime={formatTime} />
          ))}
        </ul>
      )}
    </section>
  );
}
