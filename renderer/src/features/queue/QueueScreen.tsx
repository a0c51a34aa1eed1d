// The queue (issue 6 §4): every unsent or awaiting application with its state in plain words,
// live from queue.itemChanged; Sync now; per-item actions; admin discard. Renderer process.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getBridge } from '../../bridge';
import { ProgressBar } from '../../components/ProgressBar';
import { describeSync } from '../../components/SyncPill';
import { errorText } from '../../i18n/error-text';
import { formatDateTime } from '../../i18n/format';
import { loadQueue, useQueueStore } from '../../stores/queue-store';
import { useSessionStore } from '../../stores/session-store';
import { QueueItemCard } from './QueueItemCard';
import { QueuePager, QUEUE_PAGE_SIZE } from './QueuePager';

export function QueueScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const items = useQueueStore((s) => s.items);
  const listError = useQueueStore((s) => s.listError);
  const summary = useQueueStore((s) => s.summary);
  const admin = useSessionStore((s) => s.session?.admin ?? false);
  const [syncBusy, setSyncBusy] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);

  useEffect(() => void loadQueue(getBridge()), []);

  const formatTime = (ms: number) => formatDateTime(ms, i18n.language);
  // Pages of QUEUE_PAGE_SIZE keep the screen short however long the queue is (issue 11 §4).
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil((items?.length ?? 0) / QUEUE_PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const shown = items?.slice(shownPage * QUEUE_PAGE_SIZE, (shownPage + 1) * QUEUE_PAGE_SIZE) ?? [];

  const syncNow = async () => {
    setSyncBusy(true);
    setSyncError(null);
    try {
      await getBridge().invoke('queue.syncNow');
    } catch (failure) {
      setSyncError(errorText(t, failure));
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
      setSyncError(errorText(t, failure));
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
          {shown.map((item) => (
            <QueueItemCard key={item.id} item={item} admin={admin} formatTime={formatTime} />
          ))}
        </ul>
      )}
      {items && items.length > QUEUE_PAGE_SIZE && <QueuePager page={shownPage} total={items.length} onPage={setPage} />}
    </section>
  );
}
