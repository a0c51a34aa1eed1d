// Queued applications (renderer): those prepared for this branch in TrustID (`queued.list`);
// pick one, choose the document type, and capture into it (`capture.start` with its id).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Res } from '../../../../preload/contract';
import { useNavigation } from '../../app/navigation-store';
import { errorText } from '../../i18n/error-text';
import { getBridge } from '../../bridge';
import { ProgressBar } from '../../components/ProgressBar';
import { DocumentTypePicker } from '../capture/DocumentTypePicker';
import { formatWhen } from '../results/verdicts';
import { startCapture, useCaptureStore } from '../../stores/capture-store';
import './queued.css';

type Prepared = Res<'queued.list'>[number];

export function QueuedScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<Prepared[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const starting = useCaptureStore((s) => s.busy === 'start');
  const startError = useCaptureStore((s) => (s.error?.task === 'start' ? s.error.message : null));
  const navigate = useNavigation((s) => s.navigate);

  async function refresh() {
    setError(null);
    try {
      setItems(await getBridge().invoke('queued.list'));
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function start(queuedApplicationId: string, documentType: Parameters<typeof startCapture>[0]['documentType']) {
    if (await startCapture({ documentType, queuedApplicationId })) navigate('capture');
  }

  return (
    <section className="panel queued" aria-labelledby="queued-title" data-testid="queued-screen">
      <div className="queued-head">
        <h1 id="queued-title" tabIndex={-1}>
          {t('queued.title')}
        </h1>
        <button type="button" className="button" onClick={() => void refresh()} data-testid="queued-refresh">
          {t('queued.refresh')}
        </button>
      </div>
      <p>{t('queued.intro')}</p>
      {items === null && !error && <ProgressBar label={t('queued.loading')} value={null} showLabel />}
      {error && (
        <div className="queued-problem" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t('queued.retry')}
          </button>
        </div>
      )}
      {items?.length === 0 && <p data-testid="queued-empty">{t('queued.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="queued-list" data-testid="queued-list">
          {items.map((item) => (
            <li key={item.id} className="queued-item" data-testid={`queued-${item.id}`}>
              <div className="queued-summary">
                <strong>{item.name}</strong>
                {item.reference && <span>{t('queued.reference', { reference: item.reference })}</span>}
                <span className="queued-when">{t('queued.prepared', { when: formatWhen(item.createdAt, i18n.language) })}</span>
              </div>
              {picked === item.id ? (
                <div className="queued-pick">
                  <p id={`queued-type-${item.id}`}>{t('queued.whichDocument', { name: item.name })}</p>
                  <DocumentTypePicker labelledBy={`queued-type-${item.id}`} disabled={starting} testId={`queued-types-${item.id}`} onPick={(type) => void start(item.id, type)} />
                  <button type="button" className="button button-quiet" onClick={() => setPicked(null)}>
                    {t('queued.cancel')}
                  </button>
                  {starting && <ProgressBar label={t('queued.starting')} value={null} showLabel />}
                  {startError && (
                    <p className="error-text" role="alert">
                      {startError}
                    </p>
                  )}
                </div>
              ) : (
                <button type="button" className="button button-primary" onClick={() => setPicked(item.id)} aria-label={t('queued.captureFor', { name: item.name })} data-testid={`queued-pick-${item.id}`}>
                  {t('queued.capture')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
