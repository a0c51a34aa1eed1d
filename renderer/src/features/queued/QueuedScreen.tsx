// Queued applications (renderer): those waiting for this branch in TrustID (`queued.list`), by their
// field values, who prepared them and how long ago. Staff pick one, choose the document type, and
// capture into it (`capture.start` with its id); one being completed elsewhere is shown, not
// pickable. Without archive access the list holds only this kiosk's own, and says why.
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
import { preparedAgo } from './queued-age';
import './queued.css';

type List = Res<'queued.list'>;
type Prepared = List['entries'][number];

export function QueuedScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const starting = useCaptureStore((s) => s.busy === 'start');
  const startError = useCaptureStore((s) => (s.error?.task === 'start' ? s.error.message : null));
  const navigate = useNavigation((s) => s.navigate);

  async function refresh() {
    setError(null);
    setList(null);
    try {
      setList(await getBridge().invoke('queued.list'));
    } catch (failure) {
      setError(errorText(t, failure));
    }
  }

  useEffect(() => {
    void refresh();
  }, []);

  async function start(queuedApplicationId: string, documentType: Parameters<typeof startCapture>[0]['documentType']) {
    // `started`: the capture screen shows this new check, not the "unfinished check" question.
    if (await startCapture({ documentType, queuedApplicationId })) navigate('capture', { started: queuedApplicationId });
  }

  const items = list?.entries ?? null;
  const now = Date.now();

  function describe(item: Prepared) {
    const age = preparedAgo(item.createdAt, now);
    const ago = age.unit === 'now' ? t('queued.agoNow') : t('queued.ago', { span: t(`format.units.${age.unit}`, { count: age.count }) });
    return (
      <div className="queued-summary">
        <strong>{item.name}</strong>
        {item.reference && <span>{t('queued.reference', { reference: item.reference })}</span>}
        <span className="queued-when">
          {item.preparedBy
            ? t('queued.preparedBy', { who: item.preparedBy, ago })
            : t('queued.preparedAgo', { ago })}{' '}
          <time dateTime={new Date(item.createdAt).toISOString()}>({formatWhen(item.createdAt, i18n.language)})</time>
        </span>
      </div>
    );
  }

  return (
    <section className="panel queued" aria-labelledby="queued-title" data-testid="queued-screen">
      <div className="queued-head">
        <h1 id="queued-title" tabIndex={-1}>
          {t('queued.title')}
        </h1>
        <div className="queued-actions">
          <button type="button" className="button" onClick={() => navigate('queuedPrepare')} data-testid="queued-prepare">
            {t('queued.prepare')}
          </button>
          <button type="button" className="button" onClick={() => void refresh()} data-testid="queued-refresh" disabled={list === null && !error}>
            {t('queued.refresh')}
          </button>
        </div>
      </div>
      <p>{t('queued.intro')}</p>
      {list?.ownRecordsOnly && (
        <p className="queued-own-only" role="note" data-testid="queued-own-only">
          {t('queued.ownRecordsOnly')}
        </p>
      )}
      {list === null && !error && <ProgressBar label={t('queued.loading')} value={null} showLabel />}
      {error && (
        <div className="queued-problem" role="alert">
          <p>{error}</p>
          <button type="button" className="button" onClick={() => void refresh()}>
            {t('queued.retry')}
          </button>
        </div>
      )}
      {items?.length === 0 && <p data-testid="queued-empty">{list?.ownRecordsOnly ? t('queued.emptyOwn') : t('queued.empty')}</p>}
      {items && items.length > 0 && (
        <ul className="queued-list" data-testid="queued-list" aria-label={t('queued.listLabel', { count: items.length })}>
          {items.map((item) => (
            <li key={item.id} className={`queued-item${item.inUse ? ' queued-in-use' : ''}`} data-testid={`queued-${item.id}`}>
              {describe(item)}
              {item.inUse ? (
                <span className="queued-elsewhere" data-testid={`queued-elsewhere-${item.id}`}>
                  {t('queued.elsewhere')}
                </span>
              ) : picked === item.id ? (
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
