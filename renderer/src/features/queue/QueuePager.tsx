// Paging through a long queue: "Showing 51–100 of 450", Previous and Next. Renderer process.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import './queue.css';

export const QUEUE_PAGE_SIZE = 50;

export function QueuePager({ page, total, onPage }: { page: number; total: number; onPage(page: number): void }) {
  const { t } = useTranslation();
  const pages = Math.ceil(total / QUEUE_PAGE_SIZE);
  const from = page * QUEUE_PAGE_SIZE + 1;
  const to = Math.min(total, (page + 1) * QUEUE_PAGE_SIZE);
  return (
    <nav className="queue-pager" aria-label={t('queue.pager.label')} data-testid="queue-pager">
      <button type="button" className="button" onClick={() => onPage(page - 1)} disabled={page === 0} data-testid="queue-previous">
        {t('queue.pager.previous')}
      </button>
      <p role="status">{t('queue.pager.range', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}</p>
      <button type="button" className="button" onClick={() => onPage(page + 1)} disabled={page >= pages - 1} data-testid="queue-next">
        {t('queue.pager.next')}
      </button>
    </nav>
  );
}
