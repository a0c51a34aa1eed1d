// Prepare a queued application (renderer, workflow 3 back office): the account's application form
// with its mandatory fields enforced; main checks the values and creates the queued application
// exactly once (`queuedPrepare.create`). Below, what this kiosk prepared, with its state in plain
// words (`queuedPrepare.list`, refreshed while the screen is open). Values stay in this screen only.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation-store';
import { getBridge } from '../../bridge';
import { FieldDefinitionsPending, FieldInputs } from '../../components/FieldInputs';
import { ProgressBar } from '../../components/ProgressBar';
import { RecentList } from '../../components/RecentList';
import { StatusBadge } from '../../components/StatusBadge';
import { filledValues, missingRequired, useFieldDefinitions } from '../../components/use-field-definitions';
import { usePolledList } from '../../components/use-polled-list';
import { stateTone } from '../guest/remote-create-words';
import { formatWhen } from '../results/verdicts';
import '../guest/guest.css';

const REFRESH_MS = 10_000;

export function QueuedPrepareScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const form = useFieldDefinitions();
  const [values, setValues] = useState<Record<string, string>>({});
  const [tried, setTried] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const list = usePolledList(() => getBridge().invoke('queued.listPrepared'), REFRESH_MS);
  const [rowError, setRowError] = useState<string | null>(null);
  const navigate = useNavigation((s) => s.navigate);

  const missing = form.definitions ? missingRequired(form.definitions, values) : [];

  async function create(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setDone(false);
    if (!form.definitions || form.definitions.length === 0 || missing.length > 0) return;
    setCreating(true);
    setError(null);
    try {
      await getBridge().invoke('queued.prepare', { fields: filledValues(values) });
      setValues({});
      setTried(false);
      setDone(true);
      void list.refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setCreating(false);
    }
  }

  async function resolve(reference: string, action: 'create-again' | 'discard') {
    setRowError(null);
    try {
      await getBridge().invoke('queued.resolvePrepared', { reference, action });
      await list.refresh();
    } catch (failure) {
      setRowError((failure as Error).message);
    }
  }

  return (
    <section className="panel guest" aria-labelledby="queued-prepare-title" data-testid="queued-prepare-screen">
      <h1 id="queued-prepare-title" tabIndex={-1}>
        {t('queuedPrepare.title')}
      </h1>
      <p>{t('queuedPrepare.intro')}</p>
      <div className="guest-columns">
      <div>
      {form.error || form.definitions === null ? (
        <FieldDefinitionsPending load={form} retryLabel={t('queuedPrepare.retry')} loadingLabel={t('queuedPrepare.loading')} />
      ) : form.definitions.length === 0 ? (
        <p role="status">{t('queuedPrepare.noFields')}</p>
      ) : (
        <form className="guest-form" onSubmit={(e) => void create(e)} noValidate data-testid="queued-prepare-form" aria-busy={creating}>
          <FieldInputs definitions={form.definitions} values={values} onChange={setValues} showMissing={tried} />
          <button type="submit" className="button button-primary" disabled={creating} data-testid="queued-prepare-create">
            {creating ? t('queuedPrepare.creating') : t('queuedPrepare.create')}
          </button>
          {creating && <ProgressBar label={t('queuedPrepare.creating')} value={null} />}
          {done && (
            <p role="status" data-testid="queued-prepare-done">
              {t('queuedPrepare.created')}
            </p>
          )}
          {error && (
            <p className="error-text" role="alert" data-testid="queued-prepare-error">
              {error}
            </p>
          )}
        </form>
      )}
      </div>
      <RecentList
        title={t('queuedPrepare.listTitle')}
        titleId="queued-prepare-list-title"
        refreshLabel={t('queuedPrepare.refresh')}
        loadingLabel={t('queuedPrepare.listLoading')}
        noneLabel={t('queuedPrepare.none')}
        items={list.items}
        error={list.error ?? rowError}
        onRefresh={() => void list.refresh()}
        testId="queued-prepare-list"
      >
        {(item) => (
          <li key={item.reference} data-state={item.state}>
            <div>
              <strong>{item.fields === null ? t('queuedPrepare.purged') : item.fields.map((f) => `${f.label}: ${f.value}`).join(' · ')}</strong>
              <span className="guest-when">{t('queuedPrepare.when', { when: formatWhen(item.createdAt, i18n.language) })}</span>
              {item.message && <span className="guest-when">{t('queuedPrepare.refusedBecause', { message: item.message })}</span>}
            </div>
            <StatusBadge tone={stateTone[item.state]}>{t(`queuedPrepare.states.${item.state}`)}</StatusBadge>
            {item.resultId && (
              <button type="button" className="button" onClick={() => navigate('result-detail', { id: item.resultId! })}>
                {t('queuedPrepare.openResult')}
              </button>
            )}
            {item.state === 'needs-attention' && (
              <div className="guest-actions">
                <button type="button" className="button" onClick={() => void resolve(item.reference, 'create-again')}>
                  {t('queuedPrepare.createAgain')}
                </button>
                <button type="button" className="button" onClick={() => void resolve(item.reference, 'discard')}>
                  {t('queuedPrepare.discard')}
                </button>
              </div>
            )}
          </li>
        )}
      </RecentList>
      </div>
    </section>
  );
}
