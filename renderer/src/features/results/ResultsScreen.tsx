// The results inbox (renderer): every application the kiosk can see, whatever its origin, newest
// first; search by name or reference and date range, filter by result, state and origin, page on
// with "Show more"; open one for its detail. The list holds names, so it is cleared when staff leave.
import { useEffect, useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation-store';
import { getBridge } from '../../bridge';
import { ProgressBar } from '../../components/ProgressBar';
import { StatusBadge } from '../../components/StatusBadge';
import { TextField } from '../../components/TextField';
import { emptyFilter, inboxChanged, loadMoreResults, resetResults, searchResults, setResultsFilter, useResultsStore } from '../../stores/results-store';
import { formatWhen, isResultsRoute, resultOrigins, resultStates, rowBadge, verdicts } from './verdicts';
import './results.css';

export function ResultsScreen(_props: { params: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const verdictField = useId();
  const stateField = useId();
  const originField = useId();
  const filter = useResultsStore((s) => s.filter);
  const list = useResultsStore((s) => s.list);
  const total = useResultsStore((s) => s.total);
  const next = useResultsStore((s) => s.next);
  const ownRecordsOnly = useResultsStore((s) => s.ownRecordsOnly);
  const listState = useResultsStore((s) => s.listState);
  const moreState = useResultsStore((s) => s.moreState);
  const listError = useResultsStore((s) => s.listError);
  const navigate = useNavigation((s) => s.navigate);

  useEffect(() => {
    void searchResults();
    const stop = getBridge().on('results.changed', () => inboxChanged());
    return () => {
      stop();
      // Going to a result's detail keeps the search; going anywhere else forgets it.
      if (!isResultsRoute(useNavigation.getState().route.screen)) resetResults();
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    void searchResults();
  }

  const dateProblem = filter.from && filter.to && filter.from > filter.to ? t('results.search.dateOrder') : null;
  const filtered = Object.entries(filter).some(([k, v]) => v !== emptyFilter[k as keyof typeof emptyFilter]);

  return (
    <section className="panel results" aria-labelledby="results-title" data-testid="results-screen">
      <h1 id="results-title" tabIndex={-1}>
        {t('results.title')}
      </h1>
      {ownRecordsOnly && (
        <p className="results-note" role="note" data-testid="results-own-records">
          {t('results.ownRecords')}
        </p>
      )}
      <form className="results-search" role="search" aria-label={t('results.search.label')} onSubmit={submit} data-testid="results-search">
        <TextField label={t('results.search.name')} value={filter.name} onChange={(name) => setResultsFilter({ name })} maxLength={100} autoComplete="off" testId="results-name" />
        <TextField label={t('results.search.from')} type="date" value={filter.from} onChange={(from) => setResultsFilter({ from })} testId="results-from" />
        <TextField label={t('results.search.to')} type="date" value={filter.to} onChange={(to) => setResultsFilter({ to })} error={dateProblem} testId="results-to" />
        <div className="field">
          <label className="field-label" htmlFor={verdictField}>
            {t('results.search.verdict')}
          </label>
          <select id={verdictField} className="field-input" value={filter.verdict} onChange={(e) => setResultsFilter({ verdict: e.target.value as typeof filter.verdict })} data-testid="results-verdict">
            <option value="">{t('results.search.anyVerdict')}</option>
            {verdicts.map((v) => (
              <option key={v} value={v}>
                {t(`results.verdicts.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={stateField}>
            {t('results.search.state')}
          </label>
          <select id={stateField} className="field-input" value={filter.state} onChange={(e) => setResultsFilter({ state: e.target.value as typeof filter.state })} data-testid="results-state">
            <option value="">{t('results.search.anyState')}</option>
            {resultStates.map((v) => (
              <option key={v} value={v}>
                {t(`results.states.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={originField}>
            {t('results.search.origin')}
          </label>
          <select id={originField} className="field-input" value={filter.origin} onChange={(e) => setResultsFilter({ origin: e.target.value as typeof filter.origin })} data-testid="results-origin">
            <option value="">{t('results.search.anyOrigin')}</option>
            {resultOrigins.map((v) => (
              <option key={v} value={v}>
                {t(`results.origins.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row results-search-actions">
          <button type="submit" className="button button-primary" disabled={!!dateProblem} data-testid="results-submit">
            {t('results.search.submit')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setResultsFilter(emptyFilter);
              void searchResults();
            }}
          >
            {t('results.search.clear')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="results-count" data-testid="results-count">
        {listState === 'loading' ? <ProgressBar label={t('results.searching')} value={null} showLabel /> : listState === 'ready' ? t('results.count', { count: total }) : ''}
      </div>
      {listState === 'error' && (
        <div className="results-problem" role="alert">
          <p>{listError}</p>
          <button type="button" className="button" onClick={() => void searchResults()}>
            {t('results.retry')}
          </button>
        </div>
      )}
      {listState === 'ready' && list.length === 0 && <p data-testid="results-empty">{filtered ? t('results.empty') : t('results.emptyInbox')}</p>}
      <ul className="results-list" aria-label={t('results.listLabel')} data-testid="results-list">
        {list.map((r) => {
          const badge = rowBadge(r);
          return (
            <li key={r.id}>
              <button type="button" className="button result-row" onClick={() => navigate('result-detail', { id: r.id })} data-testid={`result-${r.id}`} data-state={r.state} data-origin={r.origin}>
                <span className="result-name">{r.name ?? t('results.noName')}</span>
                <span className="result-reference">{r.localReference}</span>
                <span className="result-when">{formatWhen(r.capturedAt, i18n.language)}</span>
                <span className="result-origin">{t(`results.origins.${r.origin}`)}</span>
                <StatusBadge tone={badge.tone}>{t(badge.key)}</StatusBadge>
              </button>
            </li>
          );
        })}
      </ul>
      {listState === 'ready' && list.length > 0 && (
        <div className="results-more">
          <p className="results-count" data-testid="results-shown">
            {t('results.shown', { shown: list.length, total })}
          </p>
          {next && (
            <button type="button" className="button" disabled={moreState === 'loading'} onClick={() => void loadMoreResults()} data-testid="results-more">
              {moreState === 'loading' ? t('results.loadingMore') : t('results.showMore')}
            </button>
          )}
          {moreState === 'loading' && <ProgressBar label={t('results.loadingMore')} value={null} />}
        </div>
      )}
    </section>
  );
}
